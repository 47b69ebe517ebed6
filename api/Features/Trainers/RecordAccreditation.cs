using System.Globalization;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Trainers;

/// <summary>
/// Where a trainer stands with a module: the stage reached and the day each stage so far was reached.
/// Stages only move forward (candidate → trained → supervised_delivery → accredited), and each day is
/// on or after the one before. A trainer has one accreditation per module, with a version of its own.
/// </summary>
/// <param name="Stage">candidate, trained, supervised_delivery or accredited.</param>
/// <param name="CandidateSince">The day the trainer became a candidate for the module.</param>
/// <param name="TrainedOn">The day they were trained: required from stage trained on, absent before.</param>
/// <param name="SupervisedDeliveryOn">The day of their supervised delivery: required from stage supervised_delivery on, absent before.</param>
/// <param name="AccreditedOn">The day they were accredited: required at stage accredited, absent before.</param>
/// <param name="TrainedAtWorkshopId">The training-of-trainers workshop where they were trained, when known (from stage trained on).</param>
public sealed record RecordAccreditation([property: Required] AccreditationStage? Stage, [property: Required] DateOnly? CandidateSince,
    DateOnly? TrainedOn = null, DateOnly? SupervisedDeliveryOn = null, DateOnly? AccreditedOn = null, Guid? TrainedAtWorkshopId = null)
    : ICommand<AccreditationRecorded>
{
    [JsonIgnore] public Guid TrainerId { get; init; }
    [JsonIgnore] public Guid ModuleId { get; init; }
    /// <summary>The version in If-Match; none (null) records a new accreditation.</summary>
    [JsonIgnore] public int? ExpectedVersion { get; init; }
}

/// <summary>The accreditation recorded, its new version, and whether it was new.</summary>
public sealed record AccreditationRecorded(Guid Id, int Version, bool IsNew) : ICreatesRecord;

public sealed class RecordAccreditationValidator : AbstractValidator<RecordAccreditation>
{
    public RecordAccreditationValidator()
    {
        RuleFor(x => x.Stage).NotNull().WithMessage(_ => Messages.GiveStage.With(DbEnum.Names<AccreditationStage>()));
        RuleFor(x => x.CandidateSince).NotNull();
        StageDay(x => x.TrainedOn, AccreditationStage.Trained, x => x.CandidateSince, "candidateSince");
        StageDay(x => x.SupervisedDeliveryOn, AccreditationStage.SupervisedDelivery, x => x.TrainedOn, "trainedOn");
        StageDay(x => x.AccreditedOn, AccreditationStage.Accredited, x => x.SupervisedDeliveryOn, "supervisedDeliveryOn");
        RuleFor(x => x.TrainedAtWorkshopId).Null().When(x => x.Stage == AccreditationStage.Candidate)
            .WithMessage(_ => Messages.CandidateNotTrained);
    }

    /// <summary>The day a stage was reached: given once the stage is reached, absent before, never before the previous stage's day.</summary>
    private void StageDay(Expression<Func<RecordAccreditation, DateOnly?>> day, AccreditationStage stage,
        Expression<Func<RecordAccreditation, DateOnly?>> previousDay, string previousName)
    {
        var name = DbEnum.Name(stage);
        var previous = previousDay.Compile();
        RuleFor(day)
            .NotNull().When(x => x.Stage >= stage, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.StageReachedOn.With(name, "{PropertyName}"))
            .Null().When(x => x.Stage < stage, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.StageNotReached.With(name, "{PropertyName}"))
            .GreaterThanOrEqualTo(previousDay).When(x => previous(x) is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.StageBefore.With("{PropertyName}", previousName));
    }
}

/// <summary>Administrators, and coordinators for the national trainers they keep (see <see cref="TrainerStewards"/>).</summary>
public sealed class RecordAccreditationAccess(DbSession db) : IAccessRule<RecordAccreditation>
{
    public async ValueTask<Access> CheckAsync(RecordAccreditation command, Caller caller, CancellationToken cancellationToken) =>
        await TrainerStewards.KeepsAsync(db, caller, command.TrainerId, cancellationToken);
}

public sealed class RecordAccreditationHandler(DbSession db, Caller caller) : ICommandHandler<RecordAccreditation, AccreditationRecorded>
{
    private const string Known = """
        SELECT (SELECT count(*) FROM trainers WHERE id = @trainerId) AS trainers,
               (SELECT count(*) FROM modules WHERE id = @moduleId) AS modules
        """;
    private const string WorkshopOf = "SELECT kind, status, starts_on FROM workshops WHERE id = @workshopId";
    private static readonly string Current =
        $"SELECT id, {DbEnum.Column("stage", "stage")}, version FROM accreditations WHERE trainer_id = @trainerId AND module_id = @moduleId";
    private const string Update = """
        UPDATE accreditations
        SET stage = @stage, candidate_since = @candidate_since, trained_on = @trained_on, supervised_delivery_on = @supervised_delivery_on,
            accredited_on = @accredited_on, trained_at_workshop_id = @trained_at_workshop_id, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;
    private static readonly string[] Columns =
        ["id", "trainer_id", "module_id", "stage", "candidate_since", "trained_on", "supervised_delivery_on", "accredited_on", "trained_at_workshop_id", "version"];
    private static readonly string[] Key = ["trainer_id", "module_id"];

    public async ValueTask<AccreditationRecorded> Handle(RecordAccreditation command, CancellationToken cancellationToken)
    {
        var ids = new { trainerId = command.TrainerId, moduleId = command.ModuleId };
        var known = (await db.QueryAsync<KnownCounts>(Known, ids, cancellationToken))[0];
        if (known.Trainers == 0) throw new NotFoundException(Messages.RecordTrainer, command.TrainerId);
        if (known.Modules == 0) throw new NotFoundException(Messages.RecordModule, command.ModuleId);
        await CheckTrainingWorkshopAsync(command, cancellationToken);

        var current = await db.QuerySingleOrDefaultAsync<CurrentAccreditation>(Current, ids, cancellationToken);
        if (current is null) return await InsertAsync(command, cancellationToken);
        if (command.ExpectedVersion is not { } expected) throw new AccreditationExistsException();
        if (expected != current.Version) throw new PreconditionFailedException(Messages.RecordAccreditation, current.Version);
        if (command.Stage < current.Stage)
            throw new ConflictException(Messages.StageBackwards.With(DbEnum.Name(current.Stage), DbEnum.Names<AccreditationStage>(), DbEnum.Name(command.Stage!.Value)));
        var parameters = Parameters(current.Id, command);
        parameters.Add("expectedVersion", expected);
        var changed = await db.ExecuteAsync(Update, parameters, cancellationToken);
        return new(current.Id, await db.NextVersionAsync(changed, "accreditations", Messages.RecordAccreditation, current.Id, expected, cancellationToken), IsNew: false);
    }

    private async Task<AccreditationRecorded> InsertAsync(RecordAccreditation command, CancellationToken cancellationToken)
    {
        if (command.ExpectedVersion is not null) throw new NoAccreditationYetException();
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync(db.Dialect.InsertIfAbsent("accreditations", Columns, Key), Parameters(id, command), cancellationToken);
        if (inserted == 0)
            throw new ConflictException(Messages.AccreditationRace);
        return new(id, 1, IsNew: true);
    }

    private async Task CheckTrainingWorkshopAsync(RecordAccreditation command, CancellationToken cancellationToken)
    {
        if (command.TrainedAtWorkshopId is not { } workshopId) return;
        var field = nameof(RecordAccreditation.TrainedAtWorkshopId);
        // Only a workshop the caller sees: its kind, status and dates are not to be found out through this answer.
        var refused = new List<ValidationFailure>();
        await db.RequireUsableAsync(caller, RecordKind.Workshop, workshopId, field, refused, cancellationToken);
        if (refused.Count > 0) throw new FluentValidation.ValidationException(refused);
        var workshop = (await db.QuerySingleOrDefaultAsync<TrainingWorkshop>(WorkshopOf, new { workshopId }, cancellationToken))!;
        ValidationFailure? failure = workshop switch
        {
            _ when workshop.Kind != DbEnum.Name(WorkshopKind.TrainingOfTrainers) =>
                new(field, Messages.NotATraining.With(workshop.Kind)),
            _ when workshop.Status == DbEnum.Name(WorkshopStatus.Cancelled) =>
                new(field, Messages.TrainingCancelled),
            _ when command.TrainedOn < workshop.StartsOn =>
                new(nameof(RecordAccreditation.TrainedOn), Messages.TrainedBeforeTraining.With(workshop.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            _ => null,
        };
        if (failure is not null) throw new FluentValidation.ValidationException([failure]);
    }

    /// <summary>Named like the columns, as <see cref="SqlDialect.InsertIfAbsent"/> wants them.</summary>
    private static DynamicParameters Parameters(Guid id, RecordAccreditation command) => new(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["trainer_id"] = command.TrainerId,
        ["module_id"] = command.ModuleId,
        ["stage"] = DbEnum.Name(command.Stage!.Value),
        ["candidate_since"] = command.CandidateSince,
        ["trained_on"] = command.TrainedOn,
        ["supervised_delivery_on"] = command.SupervisedDeliveryOn,
        ["accredited_on"] = command.AccreditedOn,
        ["trained_at_workshop_id"] = command.TrainedAtWorkshopId,
        ["version"] = 1,
    });

    private sealed record KnownCounts
    {
        public long Trainers { get; init; }
        public long Modules { get; init; }
    }

    private sealed record TrainingWorkshop
    {
        public required string Kind { get; init; }
        public required string Status { get; init; }
        public required DateOnly StartsOn { get; init; }
    }

    private sealed record CurrentAccreditation
    {
        public required Guid Id { get; init; }
        public required AccreditationStage Stage { get; init; }
        public required int Version { get; init; }
    }
}

public sealed class NoAccreditationYetException() : ProblemException(StatusCodes.Status412PreconditionFailed, Messages.TitleVersionMismatch, Messages.NoAccreditationYet);

/// <summary>Also what a retried first recording gets, once the first one went through.</summary>
public sealed class AccreditationExistsException() : ProblemException(StatusCodes.Status428PreconditionRequired, Messages.TitleIfMatchRequired, Messages.AccreditationExists);
