using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Administrations;

/// <summary>A customs administration of a country, in a WCO region.</summary>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of its country, e.g. <c>ML</c> (see GET /api/v1/countries).</param>
/// <param name="RegionCode">Its WCO region, e.g. <c>WCA</c> (see GET /api/v1/regions).</param>
/// <param name="NameEn">English name, e.g. <c>Mali Customs</c>.</param>
/// <param name="NameFr">French name, e.g. <c>Douanes maliennes</c>.</param>
public sealed record RegisterAdministration(string CountryCode, string RegionCode, string NameEn, string NameFr)
    : ICommand<RecordCreated>, IAdministrationFields;

public interface IAdministrationFields
{
    string CountryCode { get; }
    string RegionCode { get; }
    string NameEn { get; }
    string NameFr { get; }
}

public class AdministrationFieldsValidator<T> : AbstractValidator<T> where T : IAdministrationFields
{
    public AdministrationFieldsValidator()
    {
        RuleFor(x => x.CountryCode).NotEmpty().Matches("^[A-Z]{2}$")
            .WithMessage("Use the two capital letters of ISO 3166-1, e.g. ML for Mali.");
        RuleFor(x => x.RegionCode).NotEmpty().MaximumLength(10);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.NameFr).NotEmpty().MaximumLength(300);
    }
}

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
        await AdministrationChecks.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, countryCode = command.CountryCode, regionCode = command.RegionCode, nameEn = command.NameEn, nameFr = command.NameFr }, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
