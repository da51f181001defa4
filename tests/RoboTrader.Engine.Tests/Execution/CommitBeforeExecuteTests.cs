using RoboTrader.Engine.Core.Trading;
using RoboTrader.Engine.Durability;
using RoboTrader.Engine.Journal;
using RoboTrader.TestSupport;

namespace RoboTrader.Engine.Tests.Execution;

/// <summary>The live durability policy: execute releases no order before the input that caused it is committed.</summary>
public sealed class CommitBeforeExecuteTests : IDisposable
{
    private readonly TempDirectory _temp = new("robotrader-cbe");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Execute_WaitsForTheJournalToCommitTheCausingInput()
    {
        using var journal = InputJournal.Open(JournalFiles.Options(_temp.Path, 1 << 20, TimeSpan.FromHours(1), DurabilityMode.CommitBeforeExecute));
        var x = new ExchangeHarness();
        x.Stage.ReleaseOrdersAfterCommit(journal);
        x.Trade(0, "10"); // sequence 0: no intent, nothing to wait for
        var record = new byte[64];
        var length = JournalRecordCodec.Encode(0, 0, 0, "0,100000,100,P,0,0"u8, record);
        journal.Append(0, record.AsSpan(0, length));
        journal.Commit(0);

        // Sequence 1 carries an intent; the journal has not committed it: the order must wait.
        var submit = Task.Run(() => x.Trade(1, "10", Intents.Market(Side.Buy, 100)));
        var first = await Task.WhenAny(submit, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.NotSame(submit, first); // no order released before its input was durable
        Assert.Equal(ClientOrderId.None, x.LastOrder);

        journal.Append(1, record.AsSpan(0, length));
        journal.Commit(1);

        await submit.WaitAsync(TimeSpan.FromSeconds(30)); // released once the commit is durable
        Assert.Equal(1, x.LastOrder.Value);
    }
}
