using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Donors;

/// <summary>New values for every field of a donor.</summary>
public sealed record UpdateDonor(string Code, string Name, string? IatiOrganisationId) : ICommand<int>, IDonorFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateDonorValidator : DonorFieldsValidator<UpdateDonor>;

public sealed class UpdateDonorAccess : AdministratorsOnly<UpdateDonor>;

public sealed class UpdateDonorHandler(DbSession db) : ICommandHandler<UpdateDonor, int>
{
    private const string Update = """
        UPDATE donors SET code = @code, name = @name, iati_organisation_id = @iatiOrganisationId, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateDonor command, CancellationToken cancellationToken)
    {
        await db.RefuseDuplicateAsync(DonorWrites.HolderOfCode, new { code = command.Code }, except: command.Id,
            Messages.DonorCodeTaken.With(command.Code), cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            code = command.Code,
            name = command.Name,
            iatiOrganisationId = command.IatiOrganisationId,
        }, cancellationToken);
        return await db.NextVersionAsync(changed, "donors", Messages.RecordDonor, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
