// Copyright (c) GoCardlessHalo contributors. MIT licence.
using System;
using System.Collections.Generic;
using System.Linq;
using GoCardlessHalo.Core.Errors;
using YamlDotNet.RepresentationModel;

namespace GoCardlessHalo.Core.Config.Yaml
{
    /// <summary>Reads the placementOverrides section: a sequence of {customerId | companyName, haloCustomer | haloSite}.</summary>
    internal static class PlacementOverridesYaml
    {
        public static List<PlacementOverride> Read(YamlNodeReader reader, YamlNode node)
        {
            var overrides = new List<PlacementOverride>();
            var index = 0;
            foreach (var item in reader.Sequence(node, "placementOverrides"))
            {
                var context = $"placementOverrides[{index++}]";
                string? customerId = null, companyName = null, haloCustomer = null, haloSite = null;
                reader.ReadMapping(item, context, new Dictionary<string, Action<YamlNode>>
                {
                    ["customerId"] = n => customerId = reader.String(n, context + ".customerId"),
                    ["companyName"] = n => companyName = reader.String(n, context + ".companyName"),
                    ["haloCustomer"] = n => haloCustomer = reader.String(n, context + ".haloCustomer"),
                    ["haloSite"] = n => haloSite = reader.String(n, context + ".haloSite"),
                });

                PlacementOverride placement;
                try
                {
                    placement = PlacementOverride.Create(customerId, companyName, haloCustomer, haloSite);
                }
                catch (GcHaloException ex)
                {
                    throw reader.Error(item, $"'{context}': {ex.Message}", ex);
                }

                if (overrides.Any(o => o.SameSubject(placement)))
                {
                    throw reader.Error(item, $"'{context}' places the {placement.Subject} a second time; keep one override for it.");
                }

                overrides.Add(placement);
            }

            return overrides;
        }
    }
}
