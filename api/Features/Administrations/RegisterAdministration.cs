using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Administrations;

/// <summary>A customs administration of a country, in a WCO region.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of its country, e.g. <c>ML</c> (see GET /api/v1/countries).</param>
/// <param name="RegionCode">Its WCO region, e.g. <c>WCA</c> (see GET /api/v1/regions).</param>
/// <param name="NameEn">English name, e.g. <c>Mali Customs</c>.</param>
/// <param name="NameFr">French name, e.g. <c>Douanes maliennes</c>.</param>
/// <param name="OtherNames">Other names an attendance sheet may write for it, e.g. <c>Douanes du Mali</c>, <c>DGD</c>: at most 20, each
/// 1 to 200 characters, none another administration's (compared without accents or capitals).</param>
public sealed record RegisterAdministration(string CountryCode, string RegionCode, string NameEn, string NameFr, IReadOnlyList<string>? OtherNames = null)
    : ICommand<RecordCreated>, IAdministrationFields;

public sealed class RegisterAdministrationValidator : AdministrationFieldsValidator<RegisterAdministration>;

public sealed class RegisterAdministrationAccess : AdministratorsOnly<RegisterAdministration>;

public sealed class RegisterAdministrationHandler(DbSession db) : ICommandHandler<RegisterAdministration, RecordCreated>
{
    private const string Insert = """
        INSERT INTO administrations (id, country_code, region_code, name_en, name_fr, version)
        VALUES (@id, @countryCode, @regionCode, @nameEn, @nameFr, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterAdministration command, CancellationToken cancellationToken)
    {
        await AdministrationFields.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, countryCode = command.CountryCode, regionCode = command.RegionCode, nameEn = command.NameEn, nameFr = command.NameFr }, cancellationToken);
        await AdministrationFields.WriteOtherNamesAsync(db, id, command.OtherNames, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
