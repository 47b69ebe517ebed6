using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>Marks a command field that the audit trail must never hold, such as a password.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;

/// <summary>
/// A command's answer that adds to its audit entry what the command itself decided, beside what was sent (an approval
/// notes the hash of the figures it froze): each note becomes a field of the entry's changes.
/// </summary>
public interface IAuditNote
{
    IReadOnlyDictionary<string, string>? AuditNote { get; }
}

/// <summary>Appends one audit entry per successful command, inside the command's transaction.</summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditTrail trail, Caller caller, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private static readonly JsonSerializerOptions WithoutSecrets = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p => p.AttributeProvider?.IsDefined(typeof(SecretAttribute), true) == true).ToList())
                        info.Properties.Remove(property);
                },
            },
        },
    };

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        await trail.AppendAsync(new AuditEntry
        {
            OccurredAt = AuditTrail.Stored(clock.GetUtcNow()),
            ActorId = caller.UserId,
            Actor = caller.Actor,
            UseCase = typeof(TMessage).Name,
            RecordId = RecordIds.Of(message, response),
            Changes = Changes(message, response),
        }, cancellationToken);
        return response;
    }

    private static string Changes(TMessage message, TResponse response)
    {
        if (response is not IAuditNote { AuditNote: { } note }) return JsonSerializer.Serialize(message, WithoutSecrets);
        var changes = JsonSerializer.SerializeToNode(message, WithoutSecrets)!.AsObject();
        foreach (var (name, value) in note) changes[name] = value;
        return changes.ToJsonString();
    }
}
