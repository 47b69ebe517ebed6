using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Pipeline;

/// <summary>Checks the caller's role and scope before a command is validated or run.</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(IEnumerable<IAccessRule<TMessage>> rules, Caller caller)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var checks = rules.ToList();
        if (checks.Count == 0)
            throw new InvalidOperationException($"{typeof(TMessage).Name} has no access rule: add an IAccessRule<{typeof(TMessage).Name}> beside it.");
        foreach (var rule in checks)
        {
            switch (await rule.CheckAsync(message, caller, cancellationToken))
            {
                case Access.Forbidden: throw new ForbiddenException(caller, typeof(TMessage).Name);
                case Access.OutOfScope: throw new NotFoundException(Messages.RecordRecord, RecordIds.Of(message)?.ToString() ?? "given");
            }
        }
        return await next(message, cancellationToken);
    }
}
