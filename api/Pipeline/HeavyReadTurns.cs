using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Pipeline;

/// <summary>
/// At most <c>Reporting:ConcurrentHeavyReads</c> heavy reads at once (default: half the cores, at least one); the next
/// ones wait their turn up to <c>Reporting:HeavyReadWaitSeconds</c> (default 30), then are told 503 with Retry-After.
/// On SQLite each runs on a thread of its own: Microsoft.Data.Sqlite's async calls run synchronously, so a report of
/// several seconds would otherwise hold a thread-pool thread that interactive requests are waiting for.
/// </summary>
public sealed class HeavyReadTurns
{
    private readonly int concurrent;
    private readonly TimeSpan wait;
    private readonly SemaphoreSlim turns;
    private readonly bool ownThread;

    public HeavyReadTurns(IConfiguration configuration, Database database)
    {
        concurrent = Math.Max(1, configuration.GetValue("Reporting:ConcurrentHeavyReads", Environment.ProcessorCount / 2));
        wait = TimeSpan.FromSeconds(configuration.GetValue("Reporting:HeavyReadWaitSeconds", 30));
        turns = new SemaphoreSlim(concurrent);
        ownThread = database.Dialect.RunsSynchronously;
    }

    public async ValueTask<T> TakeAsync<T>(Func<ValueTask<T>> read, CancellationToken cancellationToken)
    {
        if (!await turns.WaitAsync(wait, cancellationToken)) throw new HeavyReadsBusyException(concurrent, (int)wait.TotalSeconds);
        try
        {
            if (!ownThread) return await read();
            return await Task.Factory.StartNew(() => read().AsTask(), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
        finally
        {
            turns.Release();
        }
    }
}

/// <summary>Every turn for heavy reads stayed taken while the request waited: nothing is wrong with it, it is told when to retry.</summary>
public sealed class HeavyReadsBusyException(int concurrent, int waitedSeconds)
    : ProblemException(StatusCodes.Status503ServiceUnavailable, Messages.TitleHeavyReadsBusy, Messages.HeavyReadsBusy.With(concurrent, waitedSeconds))
{
    public override int? RetryAfterSeconds => waitedSeconds;
}
