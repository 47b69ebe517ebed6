using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.Donors;
using Integrity.Api.Features.Programmes;
using Integrity.Api.Features.Trainers;
using Integrity.Api.Features.Users;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Seeding.Demo;

/// <summary>
/// What stands behind two real events (DESIGN.md): WACAM's 2018 HRM mission with Mali Customs, funded by
/// Sweden, and A-CIP's 2023 Ouagadougou workshop with Burkina Faso Customs, funded by Norad and Global
/// Affairs Canada. Seeded through the same commands a user sends, once: a second start adds nothing.
/// Programme periods are approximate. Demo accounts exist only here, one per role; the demo trainer is one
/// of the two national managers who ran the Ouagadougou workshop.
/// </summary>
public static class DemoData
{
    /// <summary>Every demo account's password; the README lists the accounts. Demo data only.</summary>
    public const string Password = "integrity-demo";

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var database = scope.ServiceProvider.GetRequiredService<Database>();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM programmes WHERE code = 'A-CIP'") > 0) return;
        }

        var norad = await sender.Send(new RegisterDonor("NORAD", "Norwegian Agency for Development Cooperation (Norad)", "NO-BRC-971277882"));
        var canada = await sender.Send(new RegisterDonor("GAC", "Global Affairs Canada", "CA-3"));
        var sweden = await sender.Send(new RegisterDonor("SIDA", "Swedish International Development Cooperation Agency (Sida)", "SE-6"));

        var mali = await sender.Send(new RegisterAdministration("ML", "WCA", "Mali Customs", "Douanes maliennes"));
        var burkina = await sender.Send(new RegisterAdministration("BF", "WCA", "Burkina Faso Customs", "Douanes burkinabè"));

        var acip = await sender.Send(new RegisterProgramme("A-CIP", "Anti-Corruption and Integrity Promotion Programme",
            new DateOnly(2016, 1, 1), new DateOnly(2027, 12, 31), [norad.Id, canada.Id], [burkina.Id]));
        var wacam = await sender.Send(new RegisterProgramme("WACAM", "West Africa Customs Administration Modernization",
            new DateOnly(2017, 1, 1), new DateOnly(2021, 12, 31), [sweden.Id], [mali.Id]));

        await sender.Send(new AddUser("admin@integrity.demo", "Ada Administrator", Role.Administrator, Password));
        await sender.Send(new AddUser("coordinator@integrity.demo", "Claire Coordinator (A-CIP)", Role.Coordinator, Password, ProgrammeIds: [acip.Id]));
        await sender.Send(new AddUser("focal.mali@integrity.demo", "Moussa Focal Point (Mali)", Role.Coordinator, Password, AdministrationIds: [mali.Id]));
        var trainerAccount = await sender.Send(new AddUser("trainer@integrity.demo", "Issa Kaboré (national trainer)", Role.Trainer, Password));
        await sender.Send(new AddUser("analyst@norad.demo", "Nora Analyst (Norad)", Role.Donor, Password, DonorId: norad.Id));

        var wcoExpert = await sender.Send(new RegisterTrainer("Hélène Martin (WCO HRM expert)", TrainerKind.WcoExpert));
        var firstManager = await sender.Send(new RegisterTrainer("Issa Kaboré", TrainerKind.NationalTrainer, burkina.Id, UserId: trainerAccount.Id));
        var secondManager = await sender.Send(new RegisterTrainer("Aïcha Sawadogo", TrainerKind.NationalTrainer, burkina.Id));
        var events = new DemoEvents(sender);
        var bamako = await events.BamakoMissionAsync(wacam.Id, mali.Id, wcoExpert.Id);
        var ouagadougou = await events.OuagadougouWorkshopAsync(acip.Id, burkina.Id, [firstManager.Id, secondManager.Id]);
        var world = new DemoWorld(acip.Id, wacam.Id, burkina.Id, mali.Id, ouagadougou, bamako);
        await DemoActionPlans.SeedAsync(sender, world);
        await DemoSurveys.SeedAsync(sender, world);
        // Last: an approved report locks its period, so nothing dated in it may come after.
        await DemoResults.SeedAsync(sender, world);
    }
}

/// <summary>The ids of the demo records that later parts of the demo build on.</summary>
internal sealed record DemoWorld(Guid Acip, Guid Wacam, Guid Burkina, Guid Mali, Guid OuagadougouWorkshop, Guid BamakoMission);
