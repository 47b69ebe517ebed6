using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Donors;

/// <summary>A donor that funds programmes, such as Norad or Global Affairs Canada.</summary>
/// <param name="Code">Short unique code used in reports and IATI files, e.g. <c>NORAD</c>.</param>
/// <param name="Name">Full name, e.g. <c>Norwegian Agency for Development Cooperation</c>.</param>
/// <param name="IatiOrganisationId">The donor's IATI organisation identifier, e.g. <c>NO-BRC-971277882</c>, when it has one.</param>
public sealed record RegisterDonor(string Code, string Name, string? IatiOrganisationId)
    : ICommand<RecordCreated>, IDonorFields;

public sealed class RegisterDonorValidator : DonorFieldsValidator<RegisterDonor>;

public sealed class RegisterDonorAccess : AdministratorsOnly<RegisterDonor>;

public sealed class RegisterDonorHandler(DbSession db) : ICommandHandler<RegisterDonor, RecordCreated>
{
    private const string Insert = """
        INSERT INTO donors (id, code, name, iati_organisation_id, version)
        VALUES (@id, @code, @name, @iatiOrganisationId, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterDonor command, CancellationToken cancellationToken)
    {
        await db.RefuseDuplicateAsync(DonorWrites.HolderOfCode, new { code = command.Code }, except: null,
            Messages.DonorCodeTakenOrUpdate.With(command.Code), cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, code = command.Code, name = command.Name, iatiOrganisationId = command.IatiOrganisationId }, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
