using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Administrations;

/// <summary>New values for every field of an administration.</summary>
/// <param name="OtherNames">Replaces its other names (see RegisterAdministration); left out, they stay as they are.</param>
public sealed record UpdateAdministration(string CountryCode, string RegionCode, string NameEn, string NameFr, IReadOnlyList<string>? OtherNames = null)
    : ICommand<int>, IAdministrationFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateAdministrationValidator : AdministrationFieldsValidator<UpdateAdministration>;

public sealed class UpdateAdministrationAccess : AdministratorsOnly<UpdateAdministration>;

public sealed class UpdateAdministrationHandler(DbSession db) : ICommandHandler<UpdateAdministration, int>
{
    private const string Update = """
        UPDATE administrations
        SET country_code = @countryCode, region_code = @regionCode, name_en = @nameEn, name_fr = @nameFr, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateAdministration command, CancellationToken cancellationToken)
    {
        await AdministrationFields.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            countryCode = command.CountryCode,
            regionCode = command.RegionCode,
            nameEn = command.NameEn,
            nameFr = command.NameFr,
        }, cancellationToken);
        if (changed == 1) await AdministrationFields.WriteOtherNamesAsync(db, command.Id, command.OtherNames, cancellationToken);
        return await db.NextVersionAsync(changed, "administrations", Messages.RecordAdministration, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
