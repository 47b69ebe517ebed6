using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Modules;

public sealed record GetModule(Guid Id) : IQuery<ModuleDetails>;

/// <summary>The catalogue is the same for all staff: no scope.</summary>
public sealed class GetModuleHandler(DbSession db) : IQueryHandler<GetModule, ModuleDetails>
{
    public async ValueTask<ModuleDetails> Handle(GetModule query, CancellationToken cancellationToken)
    {
        var module = await db.QuerySingleOrDefaultAsync<ModuleDetails>($"{ModuleDetails.Select} WHERE id = @id", new { id = query.Id }, cancellationToken)
            ?? throw new NotFoundException(Messages.RecordModule, query.Id);
        return (await ModuleDetails.WithKeyFactorsAsync(db, [module], cancellationToken))[0];
    }
}
