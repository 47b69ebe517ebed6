using Integrity.Api.Data;

namespace Integrity.Api.Features.Programmes;

/// <summary>A programme with its donors and administrations; <c>version</c> is also sent as the ETag.</summary>
public sealed record ProgrammeDetails
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    /// <summary>The donors that fund it, by name.</summary>
    public required IReadOnlyList<FundingDonor> Donors { get; init; } = [];
    /// <summary>The customs administrations it works with (its country projects), by English name.</summary>
    public required IReadOnlyList<CoveredAdministration> Administrations { get; init; } = [];
    /// <summary>Counts the changes to this programme; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }

    public const string Select = "SELECT id, code, name, starts_on, ends_on, version FROM programmes";

    private const string DonorsOf = """
        SELECT pd.programme_id, d.id, d.code, d.name
        FROM programme_donors pd JOIN donors d ON d.id = pd.donor_id
        WHERE {0}
        ORDER BY d.name, d.id
        """;

    private const string AdministrationsOf = """
        SELECT pa.programme_id, a.id, a.country_code, a.name_en, a.name_fr
        FROM programme_administrations pa JOIN administrations a ON a.id = pa.administration_id
        WHERE {0}
        ORDER BY a.name_en, a.id
        """;

    /// <summary>Adds their donors and administrations to programmes read with <see cref="Select"/>: two queries for a whole page.</summary>
    public static async Task<IReadOnlyList<ProgrammeDetails>> WithLinksAsync(
        DbSession db, IReadOnlyList<ProgrammeDetails> programmes, CancellationToken cancellationToken)
    {
        if (programmes.Count == 0) return programmes;
        var ofPage = db.Dialect.InIds("programme_id", "ids");
        var ids = new { ids = db.Dialect.Ids(programmes.Select(p => p.Id)) };
        var donors = (await db.QueryAsync<FundingDonor>(string.Format(DonorsOf, ofPage), ids, cancellationToken))
            .ToLookup(donor => donor.ProgrammeId);
        var administrations = (await db.QueryAsync<CoveredAdministration>(string.Format(AdministrationsOf, ofPage), ids, cancellationToken))
            .ToLookup(administration => administration.ProgrammeId);
        return programmes.Select(programme => programme with
        {
            Donors = donors[programme.Id].ToList(),
            Administrations = administrations[programme.Id].ToList(),
        }).ToList();
    }
}

/// <summary>A donor as named on a programme it funds.</summary>
public sealed record FundingDonor
{
    [System.Text.Json.Serialization.JsonIgnore] public Guid ProgrammeId { get; init; }
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
}

/// <summary>An administration as named on a programme that works with it.</summary>
public sealed record CoveredAdministration
{
    [System.Text.Json.Serialization.JsonIgnore] public Guid ProgrammeId { get; init; }
    public required Guid Id { get; init; }
    public required string CountryCode { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}
