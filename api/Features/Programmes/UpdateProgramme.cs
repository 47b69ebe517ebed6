using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.Programmes;

/// <summary>New values for every field of a programme; <c>donorIds</c> replaces its donors.</summary>
public sealed record UpdateProgramme(string Code, string Name, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn, IReadOnlyList<Guid> DonorIds)
    : ICommand<int>, IProgrammeFields
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateProgrammeValidator : ProgrammeFieldsValidator<UpdateProgramme>;

public sealed class UpdateProgrammeHandler(DbSession db) : ICommandHandler<UpdateProgramme, int>
{
    private const string Update = """
        UPDATE programmes SET code = @code, name = @name, starts_on = @startsOn, ends_on = @endsOn, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;
    private const string Unfund = "DELETE FROM programme_donors WHERE programme_id = @id";

    public async ValueTask<int> Handle(UpdateProgramme command, CancellationToken cancellationToken)
    {
        await ProgrammeWrites.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            code = command.Code,
            name = command.Name,
            startsOn = command.StartsOn,
            endsOn = command.EndsOn,
        }, cancellationToken);
        var version = await db.NextVersionAsync(changed, "programmes", "programme", command.Id, command.ExpectedVersion, cancellationToken);
        await db.ExecuteAsync(Unfund, new { id = command.Id }, cancellationToken);
        await ProgrammeWrites.FundAsync(db, command.Id, command.DonorIds, cancellationToken);
        return version;
    }
}
