using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// Enrols a person in a workshop: either someone in the registry, by <c>participantId</c>, or a new person by
/// their fields, registered on the way under the same duplicate rules as POST /api/v1/participants.
/// </summary>
/// <param name="ParticipantId">Someone already registered (GET /api/v1/participants); leave the other fields out.</param>
/// <param name="ConfirmNewPerson">true to register a new person although the registry likely holds them already.</param>
public sealed record EnrolParticipant(
    Guid? ParticipantId = null, string? FamilyName = null, string? GivenNames = null, Sex? Sex = null, Guid? AdministrationId = null,
    Service? Service = null, string? Position = null, string? Email = null, string? StaffNumber = null, bool? ConfirmNewPerson = null)
    : ICommand<RecordCreated>, IPersonFields, IWorkshopCommand
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
}

public sealed class EnrolParticipantValidator : AbstractValidator<EnrolParticipant>
{
    public EnrolParticipantValidator()
    {
        When(x => x.ParticipantId is null, () => Include(new PersonFieldsValidator<EnrolParticipant>()));
        RuleFor(x => x.ParticipantId).Must((command, _) => NoPersonFields(command)).When(x => x.ParticipantId is not null)
            .WithMessage(_ => Messages.EnrolEitherOr);
    }

    private static bool NoPersonFields(IPersonFields person) =>
        new object?[] { person.FamilyName, person.GivenNames, person.Sex, person.AdministrationId, person.Service, person.Position, person.Email, person.StaffNumber }
            .All(field => field is null);
}

/// <summary>Administrators, the workshop's coordinators and the trainers who deliver it.</summary>
public sealed class EnrolParticipantAccess(DbSession db) : WorkshopStaff<EnrolParticipant>(db);

public sealed class EnrolParticipantPlaces(DbSession db) : WorkshopPlaces<EnrolParticipant>(db);

public sealed class EnrolParticipantHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<EnrolParticipant, RecordCreated>
{
    private const string Visible = "SELECT p.id FROM participants p WHERE p.id = @participantId";

    public async ValueTask<RecordCreated> Handle(EnrolParticipant command, CancellationToken cancellationToken)
    {
        await EnrolmentWrites.RequireOpenAsync(db, command.WorkshopId, cancellationToken);
        var participantId = command.ParticipantId is { } existing
            ? await VisibleAsync(existing, cancellationToken)
            : await ParticipantWrites.RegisterAsync(db, caller, clock, command, command.ConfirmNewPerson == true, cancellationToken);
        var row = EnrolmentWrites.Row(command.WorkshopId, participantId);
        if (await db.ExecuteAsync(db.Dialect.InsertIfAbsent("enrolments", [.. row.Keys], ["workshop_id", "participant_id"]), new DynamicParameters(row), cancellationToken) == 0)
            throw new ConflictException(Messages.AlreadyEnrolled.With(participantId));
        return new RecordCreated(participantId, 1);
    }

    /// <summary>Only someone the caller may see can be enrolled by id: enrolling would show them to the caller.</summary>
    private async Task<Guid> VisibleAsync(Guid participantId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<Guid?>($"{Visible}{Scope.And(Scope.Participants(caller, "p"))}",
            Scope.Parameters(caller, new { participantId }), cancellationToken)
        ?? throw new ValidationException([new ValidationFailure(nameof(EnrolParticipant.ParticipantId),
            Messages.NoSuchParticipant.With(participantId))]);
}
