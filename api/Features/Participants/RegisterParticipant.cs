using System.ComponentModel.DataAnnotations;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Participants;

/// <summary>A customs official in the registry of participants.</summary>
/// <param name="FamilyName">E.g. <c>Ouédraogo</c>.</param>
/// <param name="GivenNames">E.g. <c>Aminata</c>.</param>
/// <param name="Sex">female, male or not_recorded.</param>
/// <param name="AdministrationId">The customs administration they work for.</param>
/// <param name="Service">operational, support or management.</param>
/// <param name="Position">Their position, e.g. <c>Chef de bureau</c>.</param>
/// <param name="Email">Their e-mail; stored lower-case.</param>
/// <param name="StaffNumber">Their staff number (matricule) in their administration; stored upper-case.</param>
/// <param name="ConfirmNewPerson">true to register them although the registry likely holds them already (the 409 lists whom).</param>
public sealed record RegisterParticipant(
    string FamilyName, string GivenNames, [property: Required] Sex? Sex, [property: Required] Guid? AdministrationId,
    [property: Required] Service? Service, string? Position = null, string? Email = null, string? StaffNumber = null,
    bool? ConfirmNewPerson = null)
    : ICommand<RecordCreated>, IPersonFields;

public sealed class RegisterParticipantValidator : PersonFieldsValidator<RegisterParticipant>;

/// <summary>Administrators, and coordinators for the administrations they work with. Trainers register people through a workshop.</summary>
public sealed class RegisterParticipantAccess(DbSession db) : IAccessRule<RegisterParticipant>
{
    public async ValueTask<Access> CheckAsync(RegisterParticipant command, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role == Role.Trainer) throw new RegisterThroughAWorkshopException();
        if (caller.Role != Role.Coordinator) return Access.Forbidden;
        return command.AdministrationId is not { } administrationId || await ParticipantWrites.CoversAdministrationAsync(db, caller, administrationId, cancellationToken)
            ? Access.Allowed
            : throw new NotTheirAdministrationException();
    }
}

public sealed class RegisterThroughAWorkshopException() : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.RegisterThroughAWorkshop);

public sealed class RegisterParticipantHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<RegisterParticipant, RecordCreated>
{
    public async ValueTask<RecordCreated> Handle(RegisterParticipant command, CancellationToken cancellationToken) =>
        new(await ParticipantWrites.RegisterAsync(db, caller, clock, command, command.ConfirmNewPerson == true, cancellationToken), 1);
}
