namespace RoboTrader.Engine.Reporting.Inputs;

/// <summary>Reads breaches.csv (<see cref="Columns"/>); an absent file means no breaches.</summary>
public static class BreachesCsv
{
    /// <summary>The file name in an output folder.</summary>
    public const string FileName = "breaches.csv";

    /// <summary>The columns the report reads (the header may hold more).</summary>
    public static readonly string[] Columns = ["seq", "time", "symbol", "rule", "state", "detail"];

    /// <summary>Reads every breach, in file order; an empty list when the file does not exist.</summary>
    /// <exception cref="Core.Errors.EngineException">A malformed row, named by file, line and column.</exception>
    public static List<BreachRecord> Read(string path)
    {
        var breaches = new List<BreachRecord>();
        if (!File.Exists(path))
        {
            return breaches;
        }

        using var csv = new CsvFile(path, Columns);
        while (csv.MoveNext())
        {
            breaches.Add(new BreachRecord(csv.Integer(0), csv.Time(1), csv.Text(2), csv.RequiredText(3), csv.Text(4), csv.Text(5)));
        }

        return breaches;
    }
}
