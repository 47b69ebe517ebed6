using System.Text.Json.Serialization;
using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Participants;

/// <summary>New values for every field of a participant.</summary>
/// <param name="ConfirmDistinctPerson">
/// true to keep the change although it makes this record look like another registered person (the 409 lists whom);
/// two records of one person are better joined with POST /api/v1/participants/{id}/merge.
/// </param>
public sealed record UpdateParticipant(
    string FamilyName, string GivenNames, [property: Required] Sex? Sex, [property: Required] Guid? AdministrationId,
    [property: Required] Service? Service, string? Position = null, string? Email = null, string? StaffNumber = null,
    bool? ConfirmDistinctPerson = null)
    : ICommand<int>, IPersonFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateParticipantValidator : PersonFieldsValidator<UpdateParticipant>;

/// <summary>
/// Whoever sees the participant (administrators, coordinators, trainers of their workshops) may correct them;
/// moving them to another administration needs that administration in the caller's scope too.
/// </summary>
public sealed class UpdateParticipantAccess(DbSession db) : IAccessRule<UpdateParticipant>
{
    private const string Stored = "SELECT p.administration_id FROM participants p WHERE p.id = @id";

    public async ValueTask<Access> CheckAsync(UpdateParticipant command, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role is not (Role.Coordinator or Role.Trainer)) return Access.Forbidden;
        var administrationId = await db.QuerySingleOrDefaultAsync<Guid?>($"{Stored}{Scope.And(Scope.Participants(caller, "p"))}",
            Scope.Parameters(caller, new { id = command.Id }), cancellationToken);
        if (administrationId is null) return Access.OutOfScope;
        return command.AdministrationId is not { } moveTo || moveTo == administrationId
               || await ParticipantWrites.CoversAdministrationAsync(db, caller, moveTo, cancellationToken)
            ? Access.Allowed
            : throw new NotTheirAdministrationException();
    }
}

public sealed class UpdateParticipantHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<UpdateParticipant, int>
{
    private const string Current = "SELECT administration_id, normalised_name, email, staff_number FROM participants WHERE id = @id";
    private const string Update = """
        UPDATE participants SET family_name = @family_name, given_names = @given_names, normalised_name = @normalised_name, sex = @sex,
               administration_id = @administration_id, service = @service, position = @position, email = @email,
               staff_number = @staff_number, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateParticipant command, CancellationToken cancellationToken)
    {
        await ParticipantWrites.CheckAsync(db, command, cancellationToken);
        var current = await db.QuerySingleOrDefaultAsync<PersonKeys>(Current, new { id = command.Id }, cancellationToken)
                      ?? throw new NotFoundException(Messages.RecordParticipant, command.Id);
        // Only a change to what tells people apart is checked: a confirmed namesake stays confirmed.
        var keys = PersonKeys.Of(command);
        var hidden = keys != current && command.ConfirmDistinctPerson != true
            ? await LikelyDuplicates.RefuseAsync(db, caller, keys, except: command.Id, nameof(command.ConfirmDistinctPerson), cancellationToken)
            : new Dictionary<Guid, IReadOnlyList<DuplicateRule>>();
        await DuplicateReviews.RaiseAsync(db, clock, command.Id, hidden, cancellationToken);

        var row = new DynamicParameters(ParticipantWrites.Row(command.Id, command));
        row.Add("expectedVersion", command.ExpectedVersion);
        var changed = await db.ExecuteAsync(Update, row, cancellationToken);
        return await db.NextVersionAsync(changed, "participants", Messages.RecordParticipant, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
