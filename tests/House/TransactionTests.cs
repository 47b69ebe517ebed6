using Integrity.Api.Data;
using Integrity.Api.Features;
using Integrity.Api.Features.Donors;
using Integrity.Api.Pipeline;

namespace Integrity.Tests;

/// <summary>A command's writes are kept only when the whole command succeeds.</summary>
public sealed class TransactionTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Insert = "INSERT INTO donors (id, code, name, version) VALUES (@id, @code, 'transaction probe', 1)";
    private const string Count = "SELECT count(*) FROM donors WHERE code = @code";

    private DbSession NewSession() => new(new Database(SqlDialect.For(Provider), App.Database.ConnectionString));

    [Test]
    public async Task A_command_that_fails_after_writing_leaves_nothing_behind()
    {
        var code = UniqueCode("ROLLBACK");
        await using (var session = NewSession())
        {
            var behavior = new TransactionBehavior<RegisterDonor, RecordCreated>(session);
            var failure = Assert.ThrowsAsync<InvalidOperationException>(async () => await behavior.Handle(
                new RegisterDonor(code, "probe", null),
                async (_, ct) =>
                {
                    await session.ExecuteAsync(Insert, new { id = Guid.CreateVersion7(), code }, ct);
                    throw new InvalidOperationException("failed after the write");
                },
                CancellationToken.None));
            Assert.That(failure!.Message, Is.EqualTo("failed after the write"));
        }
        await using var reader = NewSession();
        Assert.That(await reader.QuerySingleOrDefaultAsync<long>(Count, new { code }, CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task A_command_that_succeeds_is_committed()
    {
        var code = UniqueCode("COMMIT");
        await using (var session = NewSession())
        {
            var behavior = new TransactionBehavior<RegisterDonor, RecordCreated>(session);
            await behavior.Handle(new RegisterDonor(code, "probe", null), async (_, ct) =>
            {
                var id = Guid.CreateVersion7();
                await session.ExecuteAsync(Insert, new { id, code }, ct);
                return new RecordCreated(id, 1);
            }, CancellationToken.None);
        }
        await using var reader = NewSession();
        Assert.That(await reader.QuerySingleOrDefaultAsync<long>(Count, new { code }, CancellationToken.None), Is.EqualTo(1));
    }
}
