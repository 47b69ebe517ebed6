using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>
/// Who sees a survey round and its scores: administrators, and coordinators whose scope covers its administration
/// (a round's programme always covers its administration, so a programme's coordinators see its rounds too). The
/// detailed results belong to the administration: trainers have no access, and donors never see an administration's
/// scores, only the programme summary whose cells need several administrations.
/// </summary>
public static class PerceptionSurveyScope
{
    /// <summary>The scope condition on a <c>perception_surveys</c> row of the given alias (null: unrestricted).</summary>
    public static string? Of(Caller caller, string alias) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Coordinator => Scope.Administrations(caller, $"{alias}.administration_id"),
        _ => "1 = 0",
    };

    /// <summary>Allowed for administrators, and for coordinators when the round is in scope; 404 when it is not; 403 for other roles.</summary>
    public static ValueTask<Access> CheckAsync(DbSession db, Caller caller, Guid surveyId, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], () => CoversAsync(db, caller, surveyId, cancellationToken));

    /// <summary>For a query about a round (its scores): 403 for a role without access; 404 when the round does not exist or is out of scope.</summary>
    public static async Task RequireAsync(DbSession db, Caller caller, Guid surveyId, string useCase, CancellationToken cancellationToken)
    {
        RequireRole(caller, useCase);
        if (!await CoversAsync(db, caller, surveyId, cancellationToken))
            throw new NotFoundException(Messages.RecordPerceptionSurvey, surveyId);
    }

    /// <summary>For a query about an administration's rounds (their trend): the same rule, on the administration.</summary>
    public static async Task RequireAdministrationAsync(DbSession db, Caller caller, Guid administrationId, string useCase, CancellationToken cancellationToken)
    {
        RequireRole(caller, useCase);
        if (!await Scope.CoversAdministrationAsync(db, caller, administrationId, cancellationToken))
            throw new NotFoundException(Messages.RecordAdministration, administrationId);
    }

    private static Task<bool> CoversAsync(DbSession db, Caller caller, Guid surveyId, CancellationToken cancellationToken) =>
        Scope.CoversAsync(db, caller, "perception_surveys", Of(caller, "t"), surveyId, cancellationToken);

    private static void RequireRole(Caller caller, string useCase)
    {
        if (caller.Role is not (Role.Administrator or Role.Coordinator)) throw new ForbiddenException(caller, useCase);
    }
}
