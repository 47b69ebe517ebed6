using System.ComponentModel.DataAnnotations;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Trainers;

/// <summary>A trainer: a WCO expert, or a national trainer of a customs administration.</summary>
/// <param name="FullName">Their name as colleagues know it.</param>
/// <param name="Kind">wco_expert or national_trainer.</param>
/// <param name="AdministrationId">A national trainer's customs administration (required for them); none for a WCO expert.</param>
/// <param name="Email">Their e-mail, when known.</param>
/// <param name="UserId">The account with the role trainer they sign in with, when they have one (administrators only).</param>
public sealed record RegisterTrainer(string FullName, [property: Required] TrainerKind? Kind, Guid? AdministrationId = null,
    string? Email = null, Guid? UserId = null)
    : ICommand<RecordCreated>, ITrainerFields;

public sealed class RegisterTrainerValidator : TrainerFieldsValidator<RegisterTrainer>;

/// <summary>Administrators; coordinators for a national trainer of one of their administrations, without an account (see <see cref="TrainerStewards"/>).</summary>
public sealed class RegisterTrainerAccess(DbSession db) : IAccessRule<RegisterTrainer>
{
    public async ValueTask<Access> CheckAsync(RegisterTrainer command, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role != Role.Coordinator) return Access.Forbidden;
        return command.UserId is null && await TrainerStewards.MayGiveAsync(db, caller, command, cancellationToken)
            ? Access.Allowed
            : throw new NotTheirTrainerException();
    }
}

public sealed class RegisterTrainerHandler(DbSession db, Caller caller) : ICommandHandler<RegisterTrainer, RecordCreated>
{
    private const string Insert = """
        INSERT INTO trainers (id, full_name, kind, administration_id, email, user_id, version)
        VALUES (@id, @fullName, @kind, @administrationId, @email, @userId, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterTrainer command, CancellationToken cancellationToken)
    {
        await TrainerWrites.CheckAsync(db, caller, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, TrainerWrites.Parameters(id, command), cancellationToken);
        return new RecordCreated(id, 1);
    }
}
