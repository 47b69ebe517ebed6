using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Trainers;

/// <summary>Trainers by name, filtered by text, kind, administration, and the module and stage of an accreditation.</summary>
public sealed record ListTrainers(string? Q, string? Kind, Guid? AdministrationId, Guid? ModuleId, string? Stage, int? Limit, string? Cursor)
    : IQuery<Page<TrainerDetails>>, IListQuery;

public sealed class ListTrainersValidator : ListQueryValidator<ListTrainers>
{
    public ListTrainersValidator()
    {
        RuleFor(x => x.Kind).Must(kind => DbEnum.TryParse<TrainerKind>(kind, out _)).When(x => x.Kind is not null)
            .WithMessage(_ => Choices.OneOf<TrainerKind>());
        RuleFor(x => x.Stage).Must(stage => DbEnum.TryParse<AccreditationStage>(stage, out _)).When(x => x.Stage is not null)
            .WithMessage(_ => Choices.OneOf<AccreditationStage>());
    }
}

public sealed class ListTrainersHandler(DbSession db, Caller caller) : IQueryHandler<ListTrainers, Page<TrainerDetails>>
{
    public async ValueTask<Page<TrainerDetails>> Handle(ListTrainers query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { Scope.Trainers(caller, "t") };
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            filters.Add(db.Dialect.ContainsText("t.full_name", "q"));
            // Narrowed first to the name index's candidates, so that the search reads a few rows instead of every name.
            if (NameSearch.CanLookUp(query.Q) && db.Dialect.NameCandidates("trainer", ["q"]) is { } candidates)
                filters.Add($"t.id IN ({candidates})");
        }
        if (query.Kind is not null) filters.Add("t.kind = @kind");
        if (query.AdministrationId is not null) filters.Add("t.administration_id = @administrationId");
        // An accreditation of the trainer's, probed through its (trainer_id, module_id) key.
        var accreditation = new List<string>();
        if (query.ModuleId is not null) accreditation.Add("ac.module_id = @moduleId");
        if (query.Stage is not null) accreditation.Add("ac.stage = @stage");
        if (accreditation.Count > 0)
            filters.Add($"EXISTS (SELECT 1 FROM accreditations ac WHERE ac.trainer_id = t.id AND {string.Join(" AND ", accreditation)})");
        var sql = ListSql.Build(TrainerDetails.Select, filters, query, "t.full_name", db.Dialect, "t.id");
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new
        {
            q = query.Q, kind = query.Kind, administrationId = query.AdministrationId, moduleId = query.ModuleId, stage = query.Stage,
        }));
        var rows = await db.QueryAsync<TrainerDetails>(sql, parameters, cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), trainer => new Keyset(trainer.FullName, trainer.Id));
        return page with { Items = await TrainerDetails.WithAccreditationsAsync(db, page.Items, cancellationToken) };
    }
}
