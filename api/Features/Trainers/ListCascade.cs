using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Trainers;

/// <summary>
/// The cascade: national trainers trained in a module at a training-of-trainers workshop who have since
/// delivered that module themselves, by trainer name. <paramref name="ProgrammeId"/> keeps those trained at
/// a training of trainers of that programme, wherever they delivered afterwards.
/// </summary>
public sealed record ListCascade(Guid? ProgrammeId, Guid? ModuleId, int? Limit, string? Cursor) : IQuery<Page<CascadeEntry>>, IListQuery;

/// <summary>One national trainer and module of the cascade, with what the trainer delivered after being trained.</summary>
public sealed record CascadeEntry
{
    /// <summary>The accreditation that records where the trainer was trained.</summary>
    public required Guid AccreditationId { get; init; }
    public required Guid TrainerId { get; init; }
    public required string FullName { get; init; }
    public Guid? AdministrationId { get; init; }
    public required Guid ModuleId { get; init; }
    public required string ModuleCode { get; init; }
    /// <summary>The trainer's stage now.</summary>
    public required AccreditationStage Stage { get; init; }
    public required Guid TrainedAtWorkshopId { get; init; }
    public required string TrainedAtWorkshopTitle { get; init; }
    public DateOnly? TrainedOn { get; init; }
    /// <summary>Sessions of the module the trainer delivered in held workshops after the training of trainers ended.</summary>
    public required int SessionsDelivered { get; init; }
    /// <summary>The workshops those sessions belong to.</summary>
    public required int WorkshopsDelivered { get; init; }
    public required DateOnly FirstDeliveredOn { get; init; }
    public required DateOnly LastDeliveredOn { get; init; }
}

public sealed class ListCascadeValidator : ListQueryValidator<ListCascade>;

public sealed class ListCascadeHandler(DbSession db, Caller caller) : IQueryHandler<ListCascade, Page<CascadeEntry>>
{
    // Trainer × module from the accreditation, joined to the sessions of that module the trainer delivered
    // after the training of trainers, in workshops that were held; one grouped row per accreditation.
    private static readonly string Select = $"""
        SELECT ac.id AS accreditation_id, t.id AS trainer_id, t.full_name, t.administration_id, ac.module_id, m.code AS module_code,
               {DbEnum.Column("ac.stage", "stage")}, tot.id AS trained_at_workshop_id, tot.title AS trained_at_workshop_title, ac.trained_on,
               count(DISTINCT s.id) AS sessions_delivered, count(DISTINCT s.workshop_id) AS workshops_delivered,
               min(s.held_on) AS first_delivered_on, max(s.held_on) AS last_delivered_on
        FROM accreditations ac
        JOIN trainers t ON t.id = ac.trainer_id
        JOIN modules m ON m.id = ac.module_id
        JOIN workshops tot ON tot.id = ac.trained_at_workshop_id
        JOIN session_trainers st ON st.trainer_id = ac.trainer_id
        JOIN sessions s ON s.id = st.session_id AND s.module_id = ac.module_id AND s.held_on > tot.ends_on
        JOIN workshops w ON w.id = s.workshop_id
        WHERE t.kind = 'national_trainer' AND w.status = 'held'
        """;
    private const string GroupAndOrder = """
        GROUP BY ac.id, t.id, t.full_name, t.administration_id, ac.module_id, m.code, ac.stage, tot.id, tot.title, ac.trained_on
        ORDER BY t.full_name, ac.id
        """;

    public async ValueTask<Page<CascadeEntry>> Handle(ListCascade query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { Scope.Trainers(caller, "t") };
        if (query.ProgrammeId is not null) filters.Add("tot.programme_id = @programmeId");
        if (query.ModuleId is not null) filters.Add("ac.module_id = @moduleId");
        if (!string.IsNullOrEmpty(query.Cursor)) filters.Add(Keyset.After("t.full_name", "ac.id"));
        var sql = $"{Select}{string.Concat(filters.OfType<string>().Select(filter => $"\n  AND {filter}"))}\n{GroupAndOrder}\n{db.Dialect.LimitRows}";
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new { programmeId = query.ProgrammeId, moduleId = query.ModuleId }));
        var rows = await db.QueryAsync<CascadeEntry>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), entry => new Keyset(entry.FullName, entry.AccreditationId));
    }
}
