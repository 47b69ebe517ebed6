using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Participants;

/// <summary>The likely duplicates across scopes still waiting for an administrator, oldest first.</summary>
public sealed record ListDuplicateReviews(int? Limit, string? Cursor) : IQuery<Page<DuplicateReview>>, IListQuery;

/// <summary>A pair of records that likely hold one person, found when someone who could not see the other registered or corrected one.</summary>
public sealed record DuplicateReview
{
    public required Guid Id { get; init; }
    /// <summary>The record registered or corrected when the match was found.</summary>
    public required DuplicateReviewPerson Participant { get; init; }
    /// <summary>The record it likely duplicates, outside the scope of whoever registered the first.</summary>
    public required DuplicateReviewPerson Candidate { get; init; }
    /// <summary>What the two have in common: staff_number, email, name.</summary>
    public required IReadOnlyList<DuplicateRule> MatchedOn { get; init; }
    public required DateTimeOffset FoundAt { get; init; }
}

public sealed record DuplicateReviewPerson(Guid Id, string FamilyName, string GivenNames, Guid AdministrationId, string AdministrationNameEn,
    string AdministrationNameFr, string? Email, string? StaffNumber);

public sealed class ListDuplicateReviewsValidator : ListQueryValidator<ListDuplicateReviews>
{
    public ListDuplicateReviewsValidator() => RuleFor(x => x.Cursor).Must(InstantKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
}

public sealed class ListDuplicateReviewsHandler(DbSession db) : IQueryHandler<ListDuplicateReviews, Page<DuplicateReview>>
{
    private const string Select = """
        SELECT r.id, r.matched_on, r.found_at,
               p.id AS p_id, p.family_name AS p_family_name, p.given_names AS p_given_names, p.administration_id AS p_administration_id,
               pa.name_en AS p_administration_name_en, pa.name_fr AS p_administration_name_fr, p.email AS p_email, p.staff_number AS p_staff_number,
               c.id AS c_id, c.family_name AS c_family_name, c.given_names AS c_given_names, c.administration_id AS c_administration_id,
               ca.name_en AS c_administration_name_en, ca.name_fr AS c_administration_name_fr, c.email AS c_email, c.staff_number AS c_staff_number
        FROM duplicate_reviews r
        JOIN participants p ON p.id = r.participant_id JOIN administrations pa ON pa.id = p.administration_id
        JOIN participants c ON c.id = r.candidate_id JOIN administrations ca ON ca.id = c.administration_id
        """;

    public async ValueTask<Page<DuplicateReview>> Handle(ListDuplicateReviews query, CancellationToken cancellationToken)
    {
        var sql = ListSql.Build(Select, ["r.dismissed_at IS NULL"], query, "r.found_at", db.Dialect, "r.id");
        var rows = await db.QueryAsync<Row>(sql, ListSql.Parameters(query, new { }, InstantKeys.Parse), cancellationToken);
        var reviews = rows.Select(row => new DuplicateReview
        {
            Id = row.Id,
            Participant = new(row.PId, row.PFamilyName, row.PGivenNames, row.PAdministrationId, row.PAdministrationNameEn, row.PAdministrationNameFr, row.PEmail, row.PStaffNumber),
            Candidate = new(row.CId, row.CFamilyName, row.CGivenNames, row.CAdministrationId, row.CAdministrationNameEn, row.CAdministrationNameFr, row.CEmail, row.CStaffNumber),
            MatchedOn = row.MatchedOn.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(name => DbEnum.TryParse<DuplicateRule>(name, out var rule) ? rule : DuplicateRule.Name).ToList(),
            FoundAt = row.FoundAt,
        }).ToList();
        return Keyset.ToPage(reviews, query.PageSize(), review => InstantKeys.Of(review.FoundAt, review.Id));
    }

    private sealed record Row
    {
        public required Guid Id { get; init; }
        public required string MatchedOn { get; init; }
        public required DateTimeOffset FoundAt { get; init; }
        public required Guid PId { get; init; }
        public required string PFamilyName { get; init; }
        public required string PGivenNames { get; init; }
        public required Guid PAdministrationId { get; init; }
        public required string PAdministrationNameEn { get; init; }
        public required string PAdministrationNameFr { get; init; }
        public string? PEmail { get; init; }
        public string? PStaffNumber { get; init; }
        public required Guid CId { get; init; }
        public required string CFamilyName { get; init; }
        public required string CGivenNames { get; init; }
        public required Guid CAdministrationId { get; init; }
        public required string CAdministrationNameEn { get; init; }
        public required string CAdministrationNameFr { get; init; }
        public string? CEmail { get; init; }
        public string? CStaffNumber { get; init; }
    }
}
