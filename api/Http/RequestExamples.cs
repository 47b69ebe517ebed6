using System.Text.Json;
using System.Text.Json.Serialization;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.Donors;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Modules;
using Integrity.Api.Features.PerceptionSurveys;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Programmes;
using Integrity.Api.Features.Trainers;
using Integrity.Api.Features.Workshops;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integrity.Api.Http;

/// <summary>
/// One realistic body per main command, taken from A-CIP's workshop with Burkina Faso Customs (Ouagadougou, 29 November–1
/// December 2023, funded by Norad): Swagger UI fills "Try it out" with it. Each is the command itself, so it compiles
/// against the request it shows; the tests send every one to the API and expect it created. Ids are placeholders for the
/// records the examples before it create (<see cref="Ids"/>).
/// </summary>
public static class RequestExamples
{
    /// <summary>The placeholder ids the examples use, each standing for the record an earlier example creates.</summary>
    public static class Ids
    {
        public static readonly Guid Norad = Guid.Parse("0192f3a0-0000-7000-8000-00000000a001");
        public static readonly Guid BurkinaFasoCustoms = Guid.Parse("0192f3a0-0000-7000-8000-00000000b001");
        public static readonly Guid Acip = Guid.Parse("0192f3a0-0000-7000-8000-00000000c001");
        public static readonly Guid OuagadougouWorkshop = Guid.Parse("0192f3a0-0000-7000-8000-00000000d001");

        public static readonly IReadOnlyList<Guid> All = [Norad, BurkinaFasoCustoms, Acip, OuagadougouWorkshop];
    }

    private static readonly string[] RadKeyFactors = ["RAD-01", "RAD-02", "RAD-03", "RAD-07", "RAD-10"];

    /// <summary>The examples in the order a new installation would send them: each may use the ids of those before.</summary>
    public static IReadOnlyList<object> InOrder { get; } =
    [
        new RegisterDonor("NORAD", "Norwegian Agency for Development Cooperation (Norad)", "NO-BRC-971277882"),
        new RegisterAdministration("BF", "WCA", "Burkina Faso Customs", "Douanes burkinabè",
            ["Direction générale des douanes du Burkina Faso"]),
        new RegisterProgramme("A-CIP", "Anti-Corruption and Integrity Promotion Programme", new DateOnly(2016, 1, 1),
            new DateOnly(2027, 12, 31), [Ids.Norad], [Ids.BurkinaFasoCustoms]),
        new RegisterModule("ACIP-RAD-PRACTICE", "The Revised Arusha Declaration in practice in your daily work as a Customs officer",
            "La Déclaration d'Arusha révisée en pratique dans votre travail quotidien de douanier", 5m, RadKeyFactors),
        new RegisterQuestionnaire("CIPS-OFFICIALS", "Customs Integrity Perception Survey: customs officials",
            "Enquête de perception de l'intégrité douanière : agents des douanes",
            [
                new QuestionnaireQuestion("OFF-01", "RAD-01", "Senior managers set an example of integrity.",
                    "Les cadres dirigeants donnent l'exemple de l'intégrité.", Reversed: false),
                new QuestionnaireQuestion("OFF-02", "RAD-07", "Officers accept gifts from traders.",
                    "Des agents acceptent des cadeaux d'opérateurs.", Reversed: true),
            ]),
        new RegisterTrainer("Issa Kaboré", TrainerKind.NationalTrainer, Ids.BurkinaFasoCustoms),
        new RecordWorkshop(Ids.Acip, WorkshopKind.Workshop, "The Revised Arusha Declaration in practice",
            new DateOnly(2023, 11, 29), new DateOnly(2023, 12, 1), Ids.BurkinaFasoCustoms, "Ouagadougou", "fr", WorkshopStatus.Held,
            KeyFactorCodes: RadKeyFactors,
            OutcomeNotes: "26 officials from operational and support services; module delivered by two national managers trained in an A-CIP course."),
        new RegisterParticipant("Zoungrana", "Rasmata", Sex.Female, Ids.BurkinaFasoCustoms, Service.Operational,
            Position: "Customs inspector", StaffNumber: "BF-DGD-2041"),
        new EnrolParticipant(FamilyName: "Tapsoba", GivenNames: "Boukary", Sex: Sex.Male, AdministrationId: Ids.BurkinaFasoCustoms,
            Service: Service.Support, Position: "Administrative officer", StaffNumber: "BF-DGD-2057"),
    ];

    private static readonly Dictionary<Type, object> ByRequest = InOrder.ToDictionary(example => example.GetType());

    /// <summary>The example body of <paramref name="request"/>, if it has one.</summary>
    public static object? For(Type request) => ByRequest.GetValueOrDefault(request);

    /// <summary>Puts the example on the operation whose body it is, written as the API reads it (absent fields left out).</summary>
    internal sealed class OperationFilter(IOptions<JsonOptions> json) : IOperationFilter
    {
        private readonly JsonSerializerOptions written = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var body = context.ApiDescription.ParameterDescriptions.FirstOrDefault(parameter => parameter.Source.Id == "Body");
            if (body is null || For(body.Type) is not { } example
                || operation.RequestBody?.Content?.TryGetValue("application/json", out var content) != true) return;
            content!.Example = JsonSerializer.SerializeToNode(example, body.Type, written);
            if (operation.RequestBody is not OpenApiRequestBody request) return;
            var text = content.Example!.ToJsonString();
            request.Description = "The example is from A-CIP's work with Burkina Faso Customs (Ouagadougou workshop, 2023)." +
                                  (Ids.All.Any(id => text.Contains(id.ToString(), StringComparison.Ordinal))
                                      ? " Its ids are placeholders: take real ones from the lists (GET /api/v1/programmes, /administrations, /donors, /workshops)."
                                      : "");
        }
    }
}
