using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Participants;

/// <summary>Participants by normalised name, filtered by text, administration, workshop and sex.</summary>
public sealed record ListParticipants(string? Q, Guid? AdministrationId, Guid? WorkshopId, string? Sex, int? Limit, string? Cursor)
    : IQuery<Page<ParticipantSummary>>, IListQuery;

public sealed class ListParticipantsValidator : ListQueryValidator<ListParticipants>
{
    public const int MaxWords = 6;

    public ListParticipantsValidator()
    {
        RuleFor(x => x.Q).MaximumLength(200)
            .Must(q => PersonNames.Words(q!).Count <= MaxWords).When(x => x.Q is not null).WithMessage(_ => Messages.AtMostWords.With(MaxWords));
        RuleFor(x => x.Sex).Must(sex => DbEnum.TryParse<Sex>(sex, out _)).When(x => x.Sex is not null)
            .WithMessage(_ => Choices.OneOf<Sex>());
    }
}

public sealed class ListParticipantsHandler(DbSession db, Caller caller) : IQueryHandler<ListParticipants, Page<ParticipantSummary>>
{
    public async ValueTask<Page<ParticipantSummary>> Handle(ListParticipants query, CancellationToken cancellationToken)
    {
        var sql = Sql(query, caller, db.Dialect);
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new
        {
            administrationId = query.AdministrationId,
            workshopId = query.WorkshopId,
            sex = query.Sex,
            staffNumber = PersonKeys.StaffNumberOf(query.Q),
            email = PersonKeys.EmailOf(query.Q),
        }));
        var words = PersonNames.Words(query.Q ?? "");
        for (var i = 0; i < words.Count; i++) parameters.Add($"word{i}", words[i]);
        var rows = await db.QueryAsync<ParticipantSummary>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), participant => new Keyset(participant.NormalisedName, participant.Id));
    }

    /// <summary>The page's SQL; public so that the benchmarks' baseline runs exactly this.</summary>
    public static string Sql(ListParticipants query, Caller caller, SqlDialect dialect)
    {
        var filters = new List<string?> { Scope.Participants(caller, "p") };
        if (query.AdministrationId is not null) filters.Add("p.administration_id = @administrationId");
        if (query.WorkshopId is not null) filters.Add("p.id IN (SELECT participant_id FROM enrolments WHERE workshop_id = @workshopId)");
        if (query.Sex is not null) filters.Add("p.sex = @sex");
        // Every word of q, in any order and without accents, in the name; or q is the staff number or e-mail.
        var words = PersonNames.Words(query.Q ?? "");
        if (words.Count > 0)
            filters.Add($"(({string.Join(" AND ", words.Select((_, i) => dialect.ContainsText("p.normalised_name", $"word{i}")))})" +
                        " OR p.staff_number = @staffNumber OR p.email = @email)");
        // Narrowed first to the name index's candidates for the words it can look up, and to the staff number and
        // e-mail, so that the search reads a few rows instead of every name.
        var indexed = words.Select((word, i) => NameSearch.CanLookUp(word) ? $"word{i}" : null).OfType<string>().ToList();
        if (indexed.Count > 0 && dialect.NameCandidates("participant", indexed) is { } candidates)
            filters.Add($"p.id IN ({candidates} UNION SELECT id FROM participants WHERE staff_number = @staffNumber" +
                        " UNION SELECT id FROM participants WHERE email = @email)");
        return ListSql.Build(ParticipantSummary.Select, filters, query, "p.normalised_name", dialect, "p.id");
    }
}
