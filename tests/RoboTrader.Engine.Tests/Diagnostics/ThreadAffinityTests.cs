using RoboTrader.Engine.Diagnostics;

namespace RoboTrader.Engine.Tests.Diagnostics;

public sealed class ThreadAffinityTests
{
    [Fact]
    public void PinCurrentThread_ValidAndInvalidCpus()
    {
        // On a thread of its own: the test runner's threads keep their affinity.
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Assert.Equal(OperatingSystem.IsLinux(), ThreadAffinity.PinCurrentThread(0));
                Assert.False(ThreadAffinity.PinCurrentThread(-1));
                Assert.False(ThreadAffinity.PinCurrentThread(Environment.ProcessorCount));
                Assert.Equal(OperatingSystem.IsLinux(), ThreadAffinity.Unpin());
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        Assert.Null(failure);
    }
}
