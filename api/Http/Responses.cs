using Integrity.Api.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integrity.Api.Http;

/// <summary>Success responses that carry a record's version as its ETag.</summary>
public static class Responses
{
    public static Created<RecordCreated> Created(HttpResponse response, string collectionPath, RecordCreated created)
    {
        Versions.SetETag(response, created.Version);
        return TypedResults.Created($"{collectionPath}/{created.Id}", created);
    }

    public static Ok<T> Versioned<T>(HttpResponse response, T record, Func<T, int> versionOf)
    {
        Versions.SetETag(response, versionOf(record));
        return TypedResults.Ok(record);
    }

    public static NoContent Updated(HttpResponse response, int version)
    {
        Versions.SetETag(response, version);
        return TypedResults.NoContent();
    }
}
