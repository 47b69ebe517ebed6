using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Administrations;

public sealed record GetAdministration(Guid Id) : IQuery<AdministrationDetails>;

public sealed class GetAdministrationHandler(DbSession db, Caller caller) : IQueryHandler<GetAdministration, AdministrationDetails>
{
    public async ValueTask<AdministrationDetails> Handle(GetAdministration query, CancellationToken cancellationToken)
    {
        var administration = await db.QuerySingleOrDefaultAsync<AdministrationDetails>(
                                 $"{AdministrationDetails.Select} WHERE a.id = @id{Scope.And(Scope.Administrations(caller, "a.id"))}",
                                 Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
                             ?? throw new NotFoundException(Messages.RecordAdministration, query.Id);
        return (await AdministrationDetails.WithOtherNamesAsync(db, [administration], cancellationToken))[0];
    }
}
