using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Trainers;

/// <summary>
/// Who keeps trainers' records: administrators, and coordinators for the national trainers of the
/// administrations they work with. A coordinator may not link a trainer to an account, since that would
/// let the account into the workshops the trainer delivers; nor touch WCO experts, who serve everyone.
/// </summary>
public static class TrainerStewards
{
    private static readonly string Trainer = $"SELECT {DbEnum.Column("t.kind", "kind")}, t.administration_id, t.user_id FROM trainers t WHERE t.id = @trainerId";

    /// <summary>A coordinator may give a trainer these values: a national trainer of one of its administrations, with no account.</summary>
    public static async Task<bool> MayHoldAsync(DbSession db, Caller caller, TrainerKind? kind, Guid? administrationId, CancellationToken cancellationToken) =>
        kind is TrainerKind.NationalTrainer && administrationId is { } id
        && await Scope.CoversAdministrationAsync(db, caller, id, cancellationToken);

    /// <summary>
    /// A coordinator may give a trainer these fields (see <see cref="MayHoldAsync"/>). Missing ones pass here:
    /// they are the validator's to report, as a 400 that says which.
    /// </summary>
    public static async Task<bool> MayGiveAsync(DbSession db, Caller caller, ITrainerFields fields, CancellationToken cancellationToken) =>
        fields.Kind is null
        || (fields.Kind == TrainerKind.NationalTrainer && fields.AdministrationId is null)
        || await MayHoldAsync(db, caller, fields.Kind, fields.AdministrationId, cancellationToken);

    /// <summary>
    /// Whether the caller keeps this existing trainer: 404 when it cannot see it, 403 when it sees but does not keep it.
    /// <paramref name="andThen"/> adds a condition on the trainer as stored, such as what a change would make of it.
    /// </summary>
    public static async Task<Access> KeepsAsync(DbSession db, Caller caller, Guid trainerId, CancellationToken cancellationToken,
        Func<StoredTrainer, Task<bool>>? andThen = null)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role != Role.Coordinator) return Access.Forbidden;
        var stored = await db.QuerySingleOrDefaultAsync<StoredTrainer>($"{Trainer}{Scope.And(Scope.Trainers(caller, "t"))}",
            Scope.Parameters(caller, new { trainerId }), cancellationToken);
        if (stored is null) return Access.OutOfScope;
        var keeps = await MayHoldAsync(db, caller, stored.Kind, stored.AdministrationId, cancellationToken)
                    && (andThen is null || await andThen(stored));
        return keeps ? Access.Allowed : throw new NotTheirTrainerException();
    }

    public sealed record StoredTrainer
    {
        public required TrainerKind Kind { get; init; }
        public Guid? AdministrationId { get; init; }
        public Guid? UserId { get; init; }
    }
}

public sealed class NotTheirTrainerException() : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.NotTheirTrainer);
