// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GoCardlessHalo.Emulator.Admin;

/// <summary>
/// A fault "after the other side acted": the request runs to completion against the emulated API (the write is
/// saved), its answer is captured, and the client gets the fault instead. This is the case a client cannot tell
/// from "nothing happened" without reading back (issue 8: damaged 200, reset, timeout, 504 after Halo saved).
/// </summary>
internal static class FaultAfter
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FaultRule rule)
    {
        var original = context.Response.Body;
        byte[] answer;
        using (var buffer = new MemoryStream())
        {
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            answer = buffer.ToArray();
        }

        var status = context.Response.StatusCode;
        var contentType = context.Response.ContentType;
        context.Response.Clear();
        switch (rule.Kind.ToLowerInvariant())
        {
            case "malformed":
                // The first half of the real answer: a 200 whose JSON stops mid-way, as a proxy cut it.
                context.Response.StatusCode = 200;
                context.Response.ContentType = contentType ?? "application/json";
                await context.Response.Body.WriteAsync(answer.AsMemory(0, answer.Length / 2), context.RequestAborted);
                return;
            case "reset":
                context.Abort();
                return;
            case "stall":
                // Past the client's timeout; a client still waiting gets the real answer.
                await Task.Delay(rule.StallMilliseconds, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = status;
                    context.Response.ContentType = contentType;
                    await context.Response.Body.WriteAsync(answer, context.RequestAborted);
                }

                return;
            default:
                await FaultMiddleware.WriteStatusAsync(context, rule);
                return;
        }
    }
}
