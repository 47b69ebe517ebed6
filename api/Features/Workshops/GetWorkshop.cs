using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Workshops;

public sealed record GetWorkshop(Guid Id) : IQuery<WorkshopDetails>;

public sealed class GetWorkshopHandler(DbSession db, Caller caller) : IQueryHandler<GetWorkshop, WorkshopDetails>
{
    public async ValueTask<WorkshopDetails> Handle(GetWorkshop query, CancellationToken cancellationToken)
    {
        var workshop = await db.QuerySingleOrDefaultAsync<WorkshopDetails>(Sql(caller), Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordWorkshop, query.Id);
        return await WorkshopDetails.WithChildrenAsync(db, workshop, cancellationToken);
    }

    /// <summary>The workshop's own row; public so that the benchmarks' baseline runs exactly this.</summary>
    public static string Sql(Caller caller) => $"{WorkshopSummary.Select} WHERE w.id = @id{Scope.And(Scope.Workshops(caller, "w"))}";
}
