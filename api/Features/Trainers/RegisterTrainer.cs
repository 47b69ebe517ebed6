using System.ComponentModel.DataAnnotations;
using FluentValidation;
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

public interface ITrainerFields
{
    string FullName { get; }
    TrainerKind? Kind { get; }
    Guid? AdministrationId { get; }
    string? Email { get; }
    Guid? UserId { get; }
}

public class TrainerFieldsValidator<T> : AbstractValidator<T> where T : ITrainerFields
{
    public TrainerFieldsValidator()
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Kind).NotNull().WithMessage($"Say what kind of trainer this is: {DbEnum.Names<TrainerKind>()}.");
        RuleFor(x => x.AdministrationId).NotNull().When(x => x.Kind == TrainerKind.NationalTrainer)
            .WithMessage("A national trainer belongs to a customs administration: give its administrationId.");
        RuleFor(x => x.AdministrationId).Null().When(x => x.Kind == TrainerKind.WcoExpert)
            .WithMessage("A WCO expert belongs to no customs administration: leave administrationId out.");
        RuleFor(x => x.Email).EmailAddress().MaximumLength(300).When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}

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
