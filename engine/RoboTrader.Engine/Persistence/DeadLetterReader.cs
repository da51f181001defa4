using System.Text.Json;
using RoboTrader.Engine.Core.Errors;

namespace RoboTrader.Engine.Persistence;

/// <summary>Reads deadletters.jsonl (as written by <see cref="DeadLetterWriter"/>) back, in file order.</summary>
public static class DeadLetterReader
{
    /// <summary>The dead-letter file of a run's output folder.</summary>
    public static string PathIn(string outputDirectory) => Path.Combine(outputDirectory, "deadletters.jsonl");

    /// <summary>Reads every dead letter of <paramref name="path"/>.</summary>
    /// <exception cref="EngineException">The file is missing, unreadable, or a line is not a dead letter (its number is given).</exception>
    public static IReadOnlyList<DeadLetter> ReadAll(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EngineException(ErrorCode.ConfigurationInvalid, $"cannot read dead letters '{path}': {ex.Message}", ex);
        }

        var letters = new List<DeadLetter>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                var root = document.RootElement;
                letters.Add(new DeadLetter(
                    root.GetProperty("seq").GetInt64(),
                    root.GetProperty("source").GetString(),
                    root.GetProperty("format").GetString(),
                    root.GetProperty("error").GetString() ?? string.Empty,
                    root.GetProperty("reason").GetString() ?? string.Empty,
                    root.GetProperty("frame_base64").GetBytesFromBase64()));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new EngineException(ErrorCode.ConfigurationInvalid, $"'{path}' line {i + 1} is not a dead letter: {ex.Message}", ex);
            }
        }

        return letters;
    }
}
