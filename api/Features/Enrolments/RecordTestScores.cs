using System.Text.Json.Serialization;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>A participant's test scores and completion of a workshop; a score left out is cleared.</summary>
/// <param name="PreTestScore">0 to 100, at most two decimals.</param>
/// <param name="PostTestScore">0 to 100, at most two decimals.</param>
/// <param name="Completed">Whether they completed the workshop.</param>
public sealed record RecordTestScores(decimal? PreTestScore, decimal? PostTestScore, [property: Required] bool? Completed)
    : ICommand<int>, IWorkshopCommand, IChangesRecord
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
    [JsonIgnore] public Guid ParticipantId { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
    Guid IChangesRecord.Id => ParticipantId;
}

public sealed class RecordTestScoresValidator : AbstractValidator<RecordTestScores>
{
    public RecordTestScoresValidator()
    {
        RuleFor(x => x.PreTestScore).InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.PostTestScore).InclusiveBetween(0, 100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Completed).NotNull();
    }
}

public sealed class RecordTestScoresAccess(DbSession db) : WorkshopStaff<RecordTestScores>(db);

public sealed class RecordTestScoresPlaces(DbSession db) : WorkshopPlaces<RecordTestScores>(db);

public sealed class RecordTestScoresHandler(DbSession db) : ICommandHandler<RecordTestScores, int>
{
    private const string Update = """
        UPDATE enrolments SET pre_test_score = @preTestScore, post_test_score = @postTestScore, completed = @completed, version = version + 1
        WHERE workshop_id = @workshopId AND participant_id = @participantId AND version = @expectedVersion
        """;

    private const string VersionOf = "SELECT version FROM enrolments WHERE workshop_id = @workshopId AND participant_id = @participantId";

    public async ValueTask<int> Handle(RecordTestScores command, CancellationToken cancellationToken)
    {
        var key = new { workshopId = command.WorkshopId, participantId = command.ParticipantId };
        var changed = await db.ExecuteAsync(Update, new
        {
            key.workshopId,
            key.participantId,
            expectedVersion = command.ExpectedVersion,
            preTestScore = command.PreTestScore,
            postTestScore = command.PostTestScore,
            completed = command.Completed,
        }, cancellationToken);
        if (changed == 1) return command.ExpectedVersion + 1;
        throw await db.QuerySingleOrDefaultAsync<int?>(VersionOf, key, cancellationToken) is { } current
            ? new PreconditionFailedException(Messages.RecordEnrolment, current)
            : new NotFoundException(Messages.RecordParticipantOfWorkshop, command.ParticipantId);
    }
}
