using System.Text.Json.Serialization;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Participants;

/// <summary>Joins two records of one person: the duplicate's enrolments and attendance move to the kept record, then the duplicate goes.</summary>
/// <param name="DuplicateId">The record to merge into this one and delete.</param>
public sealed record MergeParticipants([property: Required] Guid? DuplicateId) : ICommand<ParticipantMerged>, IChangesRecord
{
    /// <summary>The record that stays.</summary>
    [JsonIgnore] public Guid Id { get; init; }
}

/// <summary>The kept record and its new version (also its ETag).</summary>
public sealed record ParticipantMerged(Guid Id, int Version);

public sealed class MergeParticipantsValidator : AbstractValidator<MergeParticipants>
{
    public MergeParticipantsValidator() =>
        RuleFor(x => x.DuplicateId).NotNull().NotEqual(x => x.Id).WithMessage(_ => Messages.MergeIntoItself);
}

/// <summary>Administrators, and coordinators who see both records.</summary>
public sealed class MergeParticipantsAccess(DbSession db) : IAccessRule<MergeParticipants>
{
    private const string Visible = "SELECT p.id FROM participants p WHERE (p.id = @id OR p.id = @duplicateId)";

    public ValueTask<Access> CheckAsync(MergeParticipants command, Caller caller, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], async () =>
        {
            var seen = await db.QueryAsync<Guid>($"{Visible}{Scope.And(Scope.Participants(caller, "p"))}",
                Scope.Parameters(caller, new { id = command.Id, duplicateId = command.DuplicateId }), cancellationToken);
            return seen.Contains(command.Id) && (command.DuplicateId is null || seen.Contains(command.DuplicateId.Value));
        });
}

/// <summary>
/// Nothing is lost: an enrolment in a workshop where only the duplicate was moves over; where both were, the kept
/// enrolment takes the duplicate's scores where it has none and counts as completed if either did. The same for
/// attendance per session, keeping the better status (present, late, excused, absent). The kept record takes the
/// duplicate's e-mail, position and (in the same administration) staff number where it has none.
/// </summary>
public sealed class MergeParticipantsHandler(DbSession db) : ICommandHandler<MergeParticipants, ParticipantMerged>
{
    private const string Both = "SELECT id FROM participants WHERE id = @keptId OR id = @duplicateId";

    private const string CompleteSharedEnrolments = """
        UPDATE enrolments SET
            pre_test_score = COALESCE(pre_test_score, (SELECT d.pre_test_score FROM enrolments d WHERE d.workshop_id = enrolments.workshop_id AND d.participant_id = @duplicateId)),
            post_test_score = COALESCE(post_test_score, (SELECT d.post_test_score FROM enrolments d WHERE d.workshop_id = enrolments.workshop_id AND d.participant_id = @duplicateId)),
            completed = CASE WHEN EXISTS (SELECT 1 FROM enrolments d WHERE d.workshop_id = enrolments.workshop_id AND d.participant_id = @duplicateId AND d.completed = @completed)
                             THEN @completed ELSE completed END,
            version = version + 1
        WHERE participant_id = @keptId AND workshop_id IN (SELECT workshop_id FROM enrolments WHERE participant_id = @duplicateId)
        """;

    private const string MoveOtherEnrolments = """
        UPDATE enrolments SET participant_id = @keptId
        WHERE participant_id = @duplicateId AND workshop_id NOT IN (SELECT workshop_id FROM enrolments WHERE participant_id = @keptId)
        """;

    private const string BetterSharedAttendance = """
        UPDATE attendance SET status = (SELECT d.status FROM attendance d WHERE d.session_id = attendance.session_id AND d.participant_id = @duplicateId)
        WHERE participant_id = @keptId
          AND EXISTS (SELECT 1 FROM attendance d WHERE d.session_id = attendance.session_id AND d.participant_id = @duplicateId
                      AND CASE d.status WHEN 'present' THEN 0 WHEN 'late' THEN 1 WHEN 'excused' THEN 2 ELSE 3 END
                        < CASE attendance.status WHEN 'present' THEN 0 WHEN 'late' THEN 1 WHEN 'excused' THEN 2 ELSE 3 END)
        """;

    private const string MoveOtherAttendance = """
        UPDATE attendance SET participant_id = @keptId
        WHERE participant_id = @duplicateId AND session_id NOT IN (SELECT session_id FROM attendance WHERE participant_id = @keptId)
        """;

    private const string KeepDetails = """
        UPDATE participants SET
            email = COALESCE(email, (SELECT d.email FROM participants d WHERE d.id = @duplicateId)),
            position = COALESCE(position, (SELECT d.position FROM participants d WHERE d.id = @duplicateId)),
            staff_number = COALESCE(staff_number, (SELECT d.staff_number FROM participants d WHERE d.id = @duplicateId AND d.administration_id = participants.administration_id)),
            version = version + 1
        WHERE id = @keptId
        """;

    private const string Forget = """
        DELETE FROM attendance WHERE participant_id = @duplicateId;
        DELETE FROM enrolments WHERE participant_id = @duplicateId;
        DELETE FROM participants WHERE id = @duplicateId
        """;

    private const string VersionOf = "SELECT version FROM participants WHERE id = @keptId";

    public async ValueTask<ParticipantMerged> Handle(MergeParticipants command, CancellationToken cancellationToken)
    {
        var ids = new { keptId = command.Id, duplicateId = command.DuplicateId!.Value, completed = true };
        var found = await db.QueryAsync<Guid>(Both, ids, cancellationToken);
        foreach (var id in new[] { ids.keptId, ids.duplicateId }.Where(id => !found.Contains(id)))
            throw new NotFoundException(Messages.RecordParticipant, id);

        await db.ExecuteAsync(CompleteSharedEnrolments, ids, cancellationToken);
        await db.ExecuteAsync(MoveOtherEnrolments, ids, cancellationToken);
        await db.ExecuteAsync(BetterSharedAttendance, ids, cancellationToken);
        await db.ExecuteAsync(MoveOtherAttendance, ids, cancellationToken);
        await db.ExecuteAsync(KeepDetails, ids, cancellationToken);
        await db.ExecuteAsync(DuplicateReviews.ForgetPairsOfDuplicate, ids, cancellationToken);
        await db.ExecuteAsync(Forget, ids, cancellationToken);
        return new ParticipantMerged(command.Id, await db.QuerySingleOrDefaultAsync<int>(VersionOf, ids, cancellationToken));
    }
}
