using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Donors;

public sealed record GetDonor(Guid Id) : IQuery<DonorDetails>;

/// <summary>A donor as stored; <c>version</c> is also sent as the ETag.</summary>
public sealed record DonorDetails
{
    public required Guid Id { get; init; }
    /// <summary>Short unique code, e.g. <c>NORAD</c>.</summary>
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>The donor's IATI organisation identifier, when it has one.</summary>
    public string? IatiOrganisationId { get; init; }
    /// <summary>Counts the changes to this donor; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }
}

public sealed class GetDonorHandler(DbSession db, Caller caller) : IQueryHandler<GetDonor, DonorDetails>
{
    private const string Select = "SELECT id, code, name, iati_organisation_id, version FROM donors WHERE id = @id";

    public async ValueTask<DonorDetails> Handle(GetDonor query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<DonorDetails>(Select + Scope.And(Scope.Donors(caller, "id")),
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
        ?? throw new NotFoundException(Messages.RecordDonor, query.Id);
}
