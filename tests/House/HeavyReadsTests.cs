using System.Diagnostics;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Integrity.Tests;

/// <summary>
/// Heavy reads take turns and never hold the thread pool on SQLite; a cancelled caller stops its statement in the
/// database. On a real database each, no mock.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class HeavyReadsTests(string provider) : MigratedDatabase(provider)
{
    private HeavyReadTurns Turns(int concurrent, int waitSeconds) => new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Reporting:ConcurrentHeavyReads"] = concurrent.ToString(),
        ["Reporting:HeavyReadWaitSeconds"] = waitSeconds.ToString(),
    }).Build(), Database);

    [Test]
    public async Task A_heavy_read_beyond_the_turns_waits_then_is_told_when_to_retry_and_the_next_one_gets_a_turn()
    {
        var turns = Turns(concurrent: 1, waitSeconds: 1);
        var holding = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = turns.TakeAsync(async () => { started.SetResult(); return await holding.Task; }, CancellationToken.None).AsTask();
        await started.Task;

        var refused = Assert.ThrowsAsync<HeavyReadsBusyException>(async () => await turns.TakeAsync(() => ValueTask.FromResult(2), CancellationToken.None));
        holding.SetResult(1);
        var afterwards = await turns.TakeAsync(() => ValueTask.FromResult(3), CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(refused!.Status, Is.EqualTo(503));
            Assert.That(refused.RetryAfterSeconds, Is.EqualTo(1));
            Assert.That(await first, Is.EqualTo(1), "the read holding the turn finishes");
            Assert.That(afterwards, Is.EqualTo(3), "its turn, once released, goes to the next");
        });
    }

    [Test]
    public async Task A_heavy_read_runs_on_a_thread_of_its_own_on_SQLite_and_on_the_pool_elsewhere()
    {
        // Asked from the pool, as a request is.
        var onPool = await Task.Run(() => Turns(concurrent: 2, waitSeconds: 1)
            .TakeAsync(() => ValueTask.FromResult(Thread.CurrentThread.IsThreadPoolThread), CancellationToken.None).AsTask());
        Assert.That(onPool, Is.EqualTo(Provider != "sqlite"));
    }

    [Test]
    public async Task A_cancelled_caller_stops_its_statement_in_the_database()
    {
        // A statement that would run for minutes: SQLite counts to ten billion, PostgreSQL sleeps.
        var endless = Provider == "sqlite"
            ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000) SELECT count(*) FROM n"
            : "SELECT 1 FROM pg_sleep(600)";
        await using var session = new DbSession(Database);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var running = Stopwatch.StartNew();
        // Run off the test's thread: on SQLite the statement holds the thread it runs on until it is interrupted.
        Assert.That(async () => await Task.Run(() => session.QueryAsync<long>(endless, null, caller.Token)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(running.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "stopped when the caller went, long before the statement's end");

        Assert.That(await session.QueryAsync<long>("SELECT 41 + 1", null, CancellationToken.None), Is.EqualTo(new[] { 42L }), "the connection serves the next statement");
    }
}
