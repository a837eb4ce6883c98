// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace GoCardlessHalo.Core.Sql
{
    /// <summary>
    /// One named SQL statement, written once per dialect. Every statement the target sends comes from a template
    /// held in a static field, so a test can find them all by reflection and parse every T-SQL one.
    /// </summary>
    /// <remarks>
    /// Tokens: <c>{TABLE}</c> is a table and <c>{TABLE.Column}</c> a column, both resolved through
    /// <see cref="ISqlNames"/> (the discovered schema) and quoted by the dialect; <c>{=slot}</c> is a fragment the
    /// caller builds with the dialect's list helpers (column lists, assignments). Values are always
    /// <c>@parameters</c>, never spliced text.
    /// </remarks>
    internal sealed class SqlTemplate
    {
        private static readonly Regex Token = new Regex(
            @"\{(?<slot>=)?(?<first>[A-Za-z_][A-Za-z0-9_]*)(?:\.(?<second>[A-Za-z_][A-Za-z0-9_]*))?\}",
            RegexOptions.CultureInvariant);

        private readonly string? sqlServer;
        private readonly string? sqlite;

        /// <summary>A statement written the same way for both dialects.</summary>
        public SqlTemplate(string name, string text)
            : this(name, text, text)
        {
        }

        /// <summary>A statement with a text per dialect; null where the dialect never sends it.</summary>
        public SqlTemplate(string name, string? sqlServer, string? sqlite)
        {
            Name = name;
            this.sqlServer = sqlServer;
            this.sqlite = sqlite;
        }

        public string Name { get; }

        public string? TextFor(SqlKind kind) => kind == SqlKind.SqlServer ? sqlServer : kind == SqlKind.Sqlite ? sqlite : null;

        /// <summary>The <c>{=slot}</c> names the dialect's text uses.</summary>
        public IReadOnlyCollection<string> SlotsFor(SqlKind kind)
        {
            var text = TextFor(kind);
            if (text == null)
            {
                return Array.Empty<string>();
            }

            return Token.Matches(text).Cast<Match>()
                .Where(m => m.Groups["slot"].Success)
                .Select(m => m.Groups["first"].Value)
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Renders the dialect's text; every slot it uses must be supplied.</summary>
        public string Render(SqlDialect dialect, ISqlNames names, IReadOnlyDictionary<string, string>? slots = null)
        {
            var text = TextFor(dialect.Kind)
                ?? throw new InvalidOperationException("Statement " + Name + " has no " + dialect.Kind + " form.");
            return Token.Replace(text, match =>
            {
                var first = match.Groups["first"].Value;
                if (match.Groups["slot"].Success)
                {
                    if (slots == null || !slots.TryGetValue(first, out var fragment))
                    {
                        throw new InvalidOperationException("Statement " + Name + " needs the fragment {=" + first + "}.");
                    }

                    return fragment;
                }

                return match.Groups["second"].Success
                    ? dialect.QuoteIdentifier(names.Column(first, match.Groups["second"].Value))
                    : dialect.QuoteTable(names.Table(first));
            });
        }

        public override string ToString() => Name;
    }
}
