using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Administrations;

/// <summary>New values for every field of an administration.</summary>
public sealed record UpdateAdministration(string CountryCode, string RegionCode, string NameEn, string NameFr)
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
        await AdministrationChecks.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            countryCode = command.CountryCode,
            regionCode = command.RegionCode,
            nameEn = command.NameEn,
            nameFr = command.NameFr,
        }, cancellationToken);
        return await db.NextVersionAsync(changed, "administrations", "administration", command.Id, command.ExpectedVersion, cancellationToken);
    }
}
