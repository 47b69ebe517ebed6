using Integrity.Api.Data;

namespace Integrity.Api.Features.Programmes;

/// <summary>A programme with the donors that fund it; <c>version</c> is also sent as the ETag.</summary>
public sealed record ProgrammeDetails
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    /// <summary>The donors that fund it, by name.</summary>
    public IReadOnlyList<FundingDonor> Donors { get; init; } = [];
    /// <summary>Counts the changes to this programme; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }

    public const string Select = "SELECT id, code, name, starts_on, ends_on, version FROM programmes";

    private const string DonorsOf = """
        SELECT pd.programme_id, d.id, d.code, d.name
        FROM programme_donors pd JOIN donors d ON d.id = pd.donor_id
        WHERE {0}
        ORDER BY d.name, d.id
        """;

    /// <summary>Adds their donors to programmes read with <see cref="Select"/>: one query for the whole page.</summary>
    public static async Task<IReadOnlyList<ProgrammeDetails>> WithDonorsAsync(
        DbSession db, IReadOnlyList<ProgrammeDetails> programmes, CancellationToken cancellationToken)
    {
        if (programmes.Count == 0) return programmes;
        var donors = (await db.QueryAsync<FundingDonorRow>(string.Format(DonorsOf, db.Dialect.InIds("pd.programme_id", "ids")),
                new { ids = db.Dialect.Ids(programmes.Select(p => p.Id)) }, cancellationToken))
            .ToLookup(row => row.ProgrammeId, row => new FundingDonor { Id = row.Id, Code = row.Code, Name = row.Name });
        return programmes.Select(programme => programme with { Donors = donors[programme.Id].ToList() }).ToList();
    }

    private sealed record FundingDonorRow
    {
        public required Guid ProgrammeId { get; init; }
        public required Guid Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
    }
}

/// <summary>A donor as named on a programme it funds.</summary>
public sealed record FundingDonor
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
}
