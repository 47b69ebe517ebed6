using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integrity.Tests;

/// <summary>Background jobs run once across instances: instances racing for a job's lease, and the job that holds it.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class JobLeasesTests(string provider) : MigratedDatabase(provider)
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);


    [Test]
    public async Task Of_instances_racing_for_a_lease_exactly_one_takes_it_and_keeps_it_until_it_lapses()
    {
        var clock = new SetClock(new DateTimeOffset(2026, 12, 6, 2, 0, 0, TimeSpan.Zero));
        var instances = Enumerable.Range(0, 6).Select(_ => new JobLeases(Database, clock)).ToList();
        var job = $"job-{Guid.NewGuid():N}";

        var raced = await Task.WhenAll(instances.Select(instance => Task.Run(() => instance.TryTakeAsync(job, Period, CancellationToken.None))));
        var holder = instances[Array.IndexOf(raced, true)];
        var others = instances.Where(instance => instance != holder).ToList();

        clock.Now += Period / 2;
        var othersMidPeriod = await Task.WhenAll(others.Select(other => other.TryTakeAsync(job, Period, CancellationToken.None)));
        var holderAgain = await holder.TryTakeAsync(job, Period, CancellationToken.None);

        // The holder's renewal above runs to half a period later than this; then it has lapsed.
        clock.Now += Period + Period / 2;
        var afterLapse = await others[0].TryTakeAsync(job, Period, CancellationToken.None);
        var formerHolder = await holder.TryTakeAsync(job, Period, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(raced.Count(taken => taken), Is.EqualTo(1), "exactly one of the racing instances takes the lease");
            Assert.That(othersMidPeriod, Is.All.False, "nobody else while it holds");
            Assert.That(holderAgain, Is.True, "the holder keeps it by taking it again");
            Assert.That(afterLapse, Is.True, "once lapsed, another instance takes it over");
            Assert.That(formerHolder, Is.False, "and the former holder no longer has it");
        });
    }

    [Test]
    public async Task Leases_of_different_jobs_are_apart()
    {
        var clock = new SetClock(DateTimeOffset.UtcNow);
        var (one, other) = (new JobLeases(Database, clock), new JobLeases(Database, clock));
        Assert.Multiple(async () =>
        {
            Assert.That(await one.TryTakeAsync($"job-{Guid.NewGuid():N}", Period, CancellationToken.None), Is.True);
            Assert.That(await other.TryTakeAsync($"job-{Guid.NewGuid():N}", Period, CancellationToken.None), Is.True);
        });
    }

    [Test]
    public async Task The_hourly_forgetting_of_Idempotency_Keys_runs_on_one_instance_an_hour()
    {
        var clock = new SetClock(DateTimeOffset.UtcNow);
        var keepHours = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Idempotency:KeepHours"] = "24" }).Build();
        IdempotencyKeysExpiry Instance() => new(Database, new JobLeases(Database, clock), clock, keepHours, NullLogger<IdempotencyKeysExpiry>.Instance);
        var instances = new[] { Instance(), Instance() };
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
            await connection.ExecuteAsync(
                "INSERT INTO idempotent_requests (caller, idempotency_key, request_hash, created_at) VALUES (@caller, @key, @hash, @createdAt)",
                new { caller = "admin@integrity.test", key = Guid.NewGuid().ToString(), hash = new string('0', 64), createdAt = clock.Now.AddHours(-48) });

        Task<int?[]> HourAsync() => Task.WhenAll(instances.Select(instance => Task.Run(() => instance.TakeTurnAsync(CancellationToken.None))));
        var thisHour = await HourAsync();
        clock.Now += Period;
        var nextHour = await HourAsync();

        Assert.Multiple(() =>
        {
            Assert.That(thisHour.Where(forgotten => forgotten is not null), Is.EqualTo(new int?[] { 1 }), "one instance forgot the day-old key, the other left the job to it");
            Assert.That(nextHour.Where(forgotten => forgotten is not null), Is.EqualTo(new int?[] { 0 }), "the next hour, one instance again, with nothing left to forget");
        });
    }

    /// <summary>A clock the test moves, as instances would see time pass.</summary>
    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
