using Mediator;

namespace Integrity.Api.Http;

/// <summary>
/// The two endpoint shapes every feature maps alike: read one record with its version as ETag, and
/// replace one with the version the caller read in If-Match. Each still names its summary and policy.
/// </summary>
public static class RecordEndpoints
{
    /// <summary>GET <paramref name="pattern"/> (with an <c>{id}</c>): the record, its version as ETag, or a 404 problem.</summary>
    public static RouteHandlerBuilder MapGetRecord<TRecord>(this IEndpointRouteBuilder endpoints, string pattern, string operationId,
        Func<Guid, IQuery<TRecord>> query, Func<TRecord, int> versionOf) =>
        endpoints.MapGet(pattern, async (Guid id, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(query(id), ct), versionOf))
            .WithName(operationId)
            .ProducesGetProblems();

    /// <summary>
    /// PUT <paramref name="pattern"/> (with an <c>{id}</c>): sends the body as <typeparamref name="TCommand"/>, told its
    /// record's id and the version in If-Match; answers 204 with the new ETag.
    /// </summary>
    public static RouteHandlerBuilder MapUpdate<TCommand>(this IEndpointRouteBuilder endpoints, string pattern,
        Func<TCommand, Guid, int, TCommand> identify) where TCommand : ICommand<int> =>
        endpoints.MapPut(pattern, async (Guid id, TCommand command, ISender sender, HttpContext context, CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(identify(command, id, Versions.FromIfMatch(context.Request)), ct)))
            .WithName(typeof(TCommand).Name)
            .ProducesUpdateProblems();
}
