namespace Integrity.Api.Resources;

/// <summary>
/// The catalogue of the API's own messages, in English (<c>Messages.resx</c>) and French (<c>Messages.fr.resx</c>),
/// read through <c>IStringLocalizer&lt;Messages&gt;</c> in the language the request's <c>Accept-Language</c> asks for.
/// </summary>
public sealed class Messages;
