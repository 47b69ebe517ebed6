using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Who pulls a programme's reports: donors (API token or account) for the programmes they fund, administrators, and
/// coordinators in scope. Trainers run workshops and report nothing to donors. Only administrators and coordinators
/// may see the periods not yet approved.
/// </summary>
public static class ReportReaders
{
    /// <summary>403 for a role that reads no reports, and for a donor asking for the periods not yet approved.</summary>
    public static void Check(Caller caller, bool includeUnapproved, string useCase)
    {
        if (caller.Role is not (Role.Administrator or Role.Coordinator or Role.Donor)) throw new ForbiddenException(caller, useCase);
        if (includeUnapproved && caller.Role == Role.Donor) throw new UnapprovedPeriodsForbiddenException();
    }

    /// <summary>
    /// The programme read by <paramref name="select"/> (<c>… FROM programmes p WHERE p.id = @programmeId</c>) when the
    /// caller's scope covers it; 404 otherwise, as if it did not exist.
    /// </summary>
    public static async Task<T> ProgrammeAsync<T>(DbSession db, Caller caller, string select, Guid programmeId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<T>(ProgrammeSql(caller, select), Scope.Parameters(caller, new { programmeId }), cancellationToken)
        ?? throw new NotFoundException(Messages.RecordProgramme, programmeId);

    /// <summary><paramref name="select"/> limited to the programmes the caller's scope covers.</summary>
    internal static string ProgrammeSql(Caller caller, string select) => $"{select}{Scope.And(Scope.Programmes(caller, "p.id"))}";
}

/// <summary>A donor asking for the periods not yet approved: refused rather than ignored, so that no one mistakes which figures they got.</summary>
public sealed class UnapprovedPeriodsForbiddenException()
    : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.DonorsApprovedOnly);
