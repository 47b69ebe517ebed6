using Integrity.Api.Features.ApiTokens;
using Integrity.Api.Features.Users;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// The accounts benchmarks sign in with, made through the same use cases as the API: an administrator, and Norad's
/// analyst (a donor, who funds the largest programme) with an account and an API token. The password is fixed and
/// public: these databases hold made-up data and are thrown away.
/// </summary>
public static class ScaleAccounts
{
    public const string AdministratorEmail = "admin@integrity.scale";
    public const string DonorEmail = "analyst@norad.scale";
    public const string Password = "integrity-scale";

    public static async Task<(Guid Administrator, string DonorToken)> AddAsync(ISender sender, Guid norad, CancellationToken cancellationToken)
    {
        var administrator = await sender.Send(new AddUser(AdministratorEmail, "Scale Administrator", Role.Administrator, Password), cancellationToken);
        await sender.Send(new AddUser(DonorEmail, "Norad Analyst (scale data)", Role.Donor, Password, DonorId: norad), cancellationToken);
        var token = await sender.Send(new IssueApiToken(norad, "Benchmarks", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)), cancellationToken);
        return (administrator.Id, token.Token);
    }
}
