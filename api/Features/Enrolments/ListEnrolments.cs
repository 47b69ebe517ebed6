using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>The participants of a workshop by name, with their scores, completion and attendance per session.</summary>
public sealed record ListEnrolments(Guid WorkshopId, int? Limit, string? Cursor) : IQuery<Page<Enrolment>>, IListQuery;

public sealed class ListEnrolmentsValidator : ListQueryValidator<ListEnrolments>;

public sealed class ListEnrolmentsHandler(DbSession db, Caller caller) : IQueryHandler<ListEnrolments, Page<Enrolment>>
{
    public async ValueTask<Page<Enrolment>> Handle(ListEnrolments query, CancellationToken cancellationToken)
    {
        if (!await WorkshopScope.CoversAsync(db, caller, query.WorkshopId, cancellationToken))
            throw new NotFoundException(Messages.RecordWorkshop, query.WorkshopId);
        var sql = ListSql.Build(Enrolment.Select, ["e.workshop_id = @workshopId"], query, "p.normalised_name", db.Dialect, "p.id");
        var rows = await db.QueryAsync<Enrolment>(sql, ListSql.Parameters(query, new { workshopId = query.WorkshopId }), cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), enrolment => new Keyset(enrolment.NormalisedName, enrolment.ParticipantId));
        return page with { Items = await Enrolment.WithAttendanceAsync(db, query.WorkshopId, page.Items, cancellationToken) };
    }
}
