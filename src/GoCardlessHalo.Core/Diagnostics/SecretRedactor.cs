// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System.Collections.Generic;

namespace GoCardlessHalo.Core.Diagnostics
{
    /// <summary>
    /// The secrets one client holds (GoCardless's access token; Halo's client secret and the tokens issued so far),
    /// so that any text taken from an answer (which a misbehaving server or proxy could echo them into) is scrubbed
    /// before it reaches a message or log.
    /// </summary>
    internal sealed class SecretRedactor
    {
        private const string Mask = "***";
        private readonly List<string> _values = new List<string>();
        private readonly object _gate = new object();

        public void Add(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            lock (_gate)
            {
                if (!_values.Contains(value!))
                {
                    _values.Add(value!);
                }
            }
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            lock (_gate)
            {
                foreach (var value in _values)
                {
                    text = text!.Replace(value, Mask);
                }
            }

            return text;
        }
    }
}
