using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

public sealed record GetPerceptionSurvey(Guid Id) : IQuery<PerceptionSurveyDetails>;

public sealed class GetPerceptionSurveyHandler(DbSession db, Caller caller) : IQueryHandler<GetPerceptionSurvey, PerceptionSurveyDetails>
{
    public async ValueTask<PerceptionSurveyDetails> Handle(GetPerceptionSurvey query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<PerceptionSurveyDetails>(
            $"{PerceptionSurveyDetails.Select} WHERE ps.id = @id{Scope.And(PerceptionSurveyScope.Of(caller, "ps"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
        ?? throw new NotFoundException(Messages.RecordPerceptionSurvey, query.Id);
}
