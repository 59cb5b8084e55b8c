/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

require("../numbers");
var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

var $root = $protobuf.roots["engine"] || ($protobuf.roots["engine"] = {});

$root.berth = (function() {

    var berth = {};

    berth.engine = (function() {

        var engine = {};

        engine.v1 = (function() {

            var v1 = {};

            v1.Empty = (function() {

                var Empty = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                Empty.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                Empty.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.Empty();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        r.skipType(t & 7, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return Empty;
            })();

            v1.JsonDocument = (function() {

                var JsonDocument = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                JsonDocument.prototype.json = "";

                JsonDocument.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.json != null && $Object.hasOwnProperty.call(m, "json") && m.json !== "")
                        w.uint32(10).string(m.json);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                JsonDocument.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.JsonDocument();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.json = v;
                                else
                                    delete m.json;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return JsonDocument;
            })();

            v1.NameRef = (function() {

                var NameRef = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                NameRef.prototype.name = "";

                NameRef.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                NameRef.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.NameRef();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return NameRef;
            })();

            v1.DataChunk = (function() {

                var DataChunk = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                DataChunk.prototype.data = $util.newBuffer([]);

                DataChunk.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                        w.uint32(10).bytes(m.data);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                DataChunk.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.DataChunk();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.bytes()).length)
                                    m.data = v;
                                else
                                    delete m.data;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return DataChunk;
            })();

            v1.VersionInfo = (function() {

                var VersionInfo = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                VersionInfo.prototype.version = "";
                VersionInfo.prototype.apiVersion = "";
                VersionInfo.prototype.os = "";
                VersionInfo.prototype.arch = "";
                VersionInfo.prototype.kernel = "";
                VersionInfo.prototype.cgroupMode = "";
                VersionInfo.prototype.nodeVersion = "";

                VersionInfo.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.version != null && $Object.hasOwnProperty.call(m, "version") && m.version !== "")
                        w.uint32(10).string(m.version);
                    if (m.apiVersion != null && $Object.hasOwnProperty.call(m, "apiVersion") && m.apiVersion !== "")
                        w.uint32(18).string(m.apiVersion);
                    if (m.os != null && $Object.hasOwnProperty.call(m, "os") && m.os !== "")
                        w.uint32(26).string(m.os);
                    if (m.arch != null && $Object.hasOwnProperty.call(m, "arch") && m.arch !== "")
                        w.uint32(34).string(m.arch);
                    if (m.kernel != null && $Object.hasOwnProperty.call(m, "kernel") && m.kernel !== "")
                        w.uint32(42).string(m.kernel);
                    if (m.cgroupMode != null && $Object.hasOwnProperty.call(m, "cgroupMode") && m.cgroupMode !== "")
                        w.uint32(50).string(m.cgroupMode);
                    if (m.nodeVersion != null && $Object.hasOwnProperty.call(m, "nodeVersion") && m.nodeVersion !== "")
                        w.uint32(58).string(m.nodeVersion);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                VersionInfo.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.VersionInfo();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.version = v;
                                else
                                    delete m.version;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.apiVersion = v;
                                else
                                    delete m.apiVersion;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.os = v;
                                else
                                    delete m.os;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.arch = v;
                                else
                                    delete m.arch;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.kernel = v;
                                else
                                    delete m.kernel;
                                continue;
                            }
                        case 6: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.cgroupMode = v;
                                else
                                    delete m.cgroupMode;
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.nodeVersion = v;
                                else
                                    delete m.nodeVersion;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return VersionInfo;
            })();

            v1.EventsRequest = (function() {

                var EventsRequest = function (p) {
                    this.filters = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                EventsRequest.prototype.sinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EventsRequest.prototype.untilMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EventsRequest.prototype.filters = $util.emptyArray;

                EventsRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.sinceMs != null && $Object.hasOwnProperty.call(m, "sinceMs") && (typeof m.sinceMs === "object" ? m.sinceMs.low || m.sinceMs.high : m.sinceMs !== 0))
                        w.uint32(8).int64(m.sinceMs);
                    if (m.untilMs != null && $Object.hasOwnProperty.call(m, "untilMs") && (typeof m.untilMs === "object" ? m.untilMs.low || m.untilMs.high : m.untilMs !== 0))
                        w.uint32(16).int64(m.untilMs);
                    if (m.filters != null && m.filters.length) {
                        for (var i = 0; i < m.filters.length; ++i)
                            w.uint32(26).string(m.filters[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                EventsRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.EventsRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.sinceMs = v;
                                else
                                    delete m.sinceMs;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.untilMs = v;
                                else
                                    delete m.untilMs;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.filters && m.filters.length))
                                    m.filters = [];
                                m.filters.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return EventsRequest;
            })();

            v1.Event = (function() {

                var Event = function (p) {
                    this.attributes = {};
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                Event.prototype.type = "";
                Event.prototype.action = "";
                Event.prototype.id = "";
                Event.prototype.attributes = $util.emptyObject;
                Event.prototype.timeNano = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                Event.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== "")
                        w.uint32(10).string(m.type);
                    if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                        w.uint32(18).string(m.action);
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(26).string(m.id);
                    if (m.attributes != null && $Object.hasOwnProperty.call(m, "attributes")) {
                        for (var ks = $Object.keys(m.attributes), i = 0; i < ks.length; ++i) {
                            w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.attributes[ks[i]]).ldelim();
                        }
                    }
                    if (m.timeNano != null && $Object.hasOwnProperty.call(m, "timeNano") && (typeof m.timeNano === "object" ? m.timeNano.low || m.timeNano.high : m.timeNano !== 0))
                        w.uint32(40).int64(m.timeNano);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                Event.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.Event();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.type = v;
                                else
                                    delete m.type;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.action = v;
                                else
                                    delete m.action;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if (m.attributes === $util.emptyObject)
                                    m.attributes = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.attributes, k);
                                m.attributes[k] = v;
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.timeNano = v;
                                else
                                    delete m.timeNano;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return Event;
            })();

            v1.SystemPruneRequest = (function() {

                var SystemPruneRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                SystemPruneRequest.prototype.all = false;
                SystemPruneRequest.prototype.volumes = false;

                SystemPruneRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.all != null && $Object.hasOwnProperty.call(m, "all") && m.all !== false)
                        w.uint32(8).bool(m.all);
                    if (m.volumes != null && $Object.hasOwnProperty.call(m, "volumes") && m.volumes !== false)
                        w.uint32(16).bool(m.volumes);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                SystemPruneRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.SystemPruneRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.all = v;
                                else
                                    delete m.all;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.volumes = v;
                                else
                                    delete m.volumes;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return SystemPruneRequest;
            })();

            v1.PruneReport = (function() {

                var PruneReport = function (p) {
                    this.deleted = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                PruneReport.prototype.deleted = $util.emptyArray;
                PruneReport.prototype.reclaimedBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                PruneReport.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.deleted != null && m.deleted.length) {
                        for (var i = 0; i < m.deleted.length; ++i)
                            w.uint32(10).string(m.deleted[i]);
                    }
                    if (m.reclaimedBytes != null && $Object.hasOwnProperty.call(m, "reclaimedBytes") && (typeof m.reclaimedBytes === "object" ? m.reclaimedBytes.low || m.reclaimedBytes.high : m.reclaimedBytes !== 0))
                        w.uint32(16).int64(m.reclaimedBytes);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                PruneReport.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.PruneReport();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.deleted && m.deleted.length))
                                    m.deleted = [];
                                m.deleted.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.reclaimedBytes = v;
                                else
                                    delete m.reclaimedBytes;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return PruneReport;
            })();

            v1.ContainerRef = (function() {

                var ContainerRef = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ContainerRef.prototype.id = "";

                ContainerRef.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ContainerRef.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ContainerRef();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ContainerRef;
            })();

            v1.PortBinding = (function() {

                var PortBinding = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                PortBinding.prototype.hostIp = "";
                PortBinding.prototype.hostPort = 0;
                PortBinding.prototype.containerPort = 0;
                PortBinding.prototype.protocol = "";

                PortBinding.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.hostIp != null && $Object.hasOwnProperty.call(m, "hostIp") && m.hostIp !== "")
                        w.uint32(10).string(m.hostIp);
                    if (m.hostPort != null && $Object.hasOwnProperty.call(m, "hostPort") && m.hostPort !== 0)
                        w.uint32(16).uint32(m.hostPort);
                    if (m.containerPort != null && $Object.hasOwnProperty.call(m, "containerPort") && m.containerPort !== 0)
                        w.uint32(24).uint32(m.containerPort);
                    if (m.protocol != null && $Object.hasOwnProperty.call(m, "protocol") && m.protocol !== "")
                        w.uint32(34).string(m.protocol);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                PortBinding.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.PortBinding();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.hostIp = v;
                                else
                                    delete m.hostIp;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.hostPort = v;
                                else
                                    delete m.hostPort;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.containerPort = v;
                                else
                                    delete m.containerPort;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.protocol = v;
                                else
                                    delete m.protocol;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return PortBinding;
            })();

            v1.Mount = (function() {

                var Mount = function (p) {
                    this.options = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                Mount.prototype.type = "";
                Mount.prototype.source = "";
                Mount.prototype.target = "";
                Mount.prototype.readOnly = false;
                Mount.prototype.options = $util.emptyArray;
                Mount.prototype.createHostPath = false;

                Mount.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== "")
                        w.uint32(10).string(m.type);
                    if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                        w.uint32(18).string(m.source);
                    if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                        w.uint32(26).string(m.target);
                    if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly") && m.readOnly !== false)
                        w.uint32(32).bool(m.readOnly);
                    if (m.options != null && m.options.length) {
                        for (var i = 0; i < m.options.length; ++i)
                            w.uint32(42).string(m.options[i]);
                    }
                    if (m.createHostPath != null && $Object.hasOwnProperty.call(m, "createHostPath") && m.createHostPath !== false)
                        w.uint32(48).bool(m.createHostPath);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                Mount.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.Mount();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.type = v;
                                else
                                    delete m.type;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.source = v;
                                else
                                    delete m.source;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.target = v;
                                else
                                    delete m.target;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.readOnly = v;
                                else
                                    delete m.readOnly;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if (!(m.options && m.options.length))
                                    m.options = [];
                                m.options.push(r.stringVerify());
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.createHostPath = v;
                                else
                                    delete m.createHostPath;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return Mount;
            })();

            v1.RestartPolicy = (function() {

                var RestartPolicy = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RestartPolicy.prototype.name = "";
                RestartPolicy.prototype.maximumRetryCount = 0;

                RestartPolicy.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.maximumRetryCount != null && $Object.hasOwnProperty.call(m, "maximumRetryCount") && m.maximumRetryCount !== 0)
                        w.uint32(16).uint32(m.maximumRetryCount);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RestartPolicy.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RestartPolicy();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.maximumRetryCount = v;
                                else
                                    delete m.maximumRetryCount;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RestartPolicy;
            })();

            v1.Healthcheck = (function() {

                var Healthcheck = function (p) {
                    this.test = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                Healthcheck.prototype.test = $util.emptyArray;
                Healthcheck.prototype.intervalNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                Healthcheck.prototype.timeoutNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                Healthcheck.prototype.startPeriodNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                Healthcheck.prototype.retries = 0;
                Healthcheck.prototype.startIntervalNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                Healthcheck.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.test != null && m.test.length) {
                        for (var i = 0; i < m.test.length; ++i)
                            w.uint32(10).string(m.test[i]);
                    }
                    if (m.intervalNs != null && $Object.hasOwnProperty.call(m, "intervalNs") && (typeof m.intervalNs === "object" ? m.intervalNs.low || m.intervalNs.high : m.intervalNs !== 0))
                        w.uint32(16).int64(m.intervalNs);
                    if (m.timeoutNs != null && $Object.hasOwnProperty.call(m, "timeoutNs") && (typeof m.timeoutNs === "object" ? m.timeoutNs.low || m.timeoutNs.high : m.timeoutNs !== 0))
                        w.uint32(24).int64(m.timeoutNs);
                    if (m.startPeriodNs != null && $Object.hasOwnProperty.call(m, "startPeriodNs") && (typeof m.startPeriodNs === "object" ? m.startPeriodNs.low || m.startPeriodNs.high : m.startPeriodNs !== 0))
                        w.uint32(32).int64(m.startPeriodNs);
                    if (m.retries != null && $Object.hasOwnProperty.call(m, "retries") && m.retries !== 0)
                        w.uint32(40).uint32(m.retries);
                    if (m.startIntervalNs != null && $Object.hasOwnProperty.call(m, "startIntervalNs") && (typeof m.startIntervalNs === "object" ? m.startIntervalNs.low || m.startIntervalNs.high : m.startIntervalNs !== 0))
                        w.uint32(48).int64(m.startIntervalNs);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                Healthcheck.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.Healthcheck();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.test && m.test.length))
                                    m.test = [];
                                m.test.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.intervalNs = v;
                                else
                                    delete m.intervalNs;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.timeoutNs = v;
                                else
                                    delete m.timeoutNs;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.startPeriodNs = v;
                                else
                                    delete m.startPeriodNs;
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.retries = v;
                                else
                                    delete m.retries;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.startIntervalNs = v;
                                else
                                    delete m.startIntervalNs;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return Healthcheck;
            })();

            v1.ContainerSpec = (function() {

                var ContainerSpec = function (p) {
                    this.cmd = [];
                    this.entrypoint = [];
                    this.env = [];
                    this.labels = {};
                    this.networkAliases = [];
                    this.ports = [];
                    this.mounts = [];
                    this.capAdd = [];
                    this.capDrop = [];
                    this.extraHosts = [];
                    this.dns = [];
                    this.sysctls = [];
                    this.ulimits = [];
                    this.endpoints = [];
                    this.securityOpt = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ContainerSpec.prototype.image = "";
                ContainerSpec.prototype.name = "";
                ContainerSpec.prototype.cmd = $util.emptyArray;
                ContainerSpec.prototype.entrypoint = $util.emptyArray;
                ContainerSpec.prototype.entrypointSet = false;
                ContainerSpec.prototype.env = $util.emptyArray;
                ContainerSpec.prototype.workingDir = "";
                ContainerSpec.prototype.user = "";
                ContainerSpec.prototype.hostname = "";
                ContainerSpec.prototype.labels = $util.emptyObject;
                ContainerSpec.prototype.tty = false;
                ContainerSpec.prototype.openStdin = false;
                ContainerSpec.prototype.network = "";
                ContainerSpec.prototype.networkAliases = $util.emptyArray;
                ContainerSpec.prototype.ports = $util.emptyArray;
                ContainerSpec.prototype.publishAll = false;
                ContainerSpec.prototype.mounts = $util.emptyArray;
                ContainerSpec.prototype.memoryBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSpec.prototype.memorySwapBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSpec.prototype.cpus = 0;
                ContainerSpec.prototype.cpuShares = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSpec.prototype.pidsLimit = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSpec.prototype.restart = null;
                ContainerSpec.prototype.autoRemove = false;
                ContainerSpec.prototype.readOnly = false;
                ContainerSpec.prototype.healthcheck = null;
                ContainerSpec.prototype.noHealthcheck = false;
                ContainerSpec.prototype.capAdd = $util.emptyArray;
                ContainerSpec.prototype.capDrop = $util.emptyArray;
                ContainerSpec.prototype.stopSignal = "";
                ContainerSpec.prototype.stopTimeoutS = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSpec.prototype.stopTimeoutSet = false;
                ContainerSpec.prototype.extraHosts = $util.emptyArray;
                ContainerSpec.prototype.dns = $util.emptyArray;
                ContainerSpec.prototype.init = false;
                ContainerSpec.prototype.privileged = false;
                ContainerSpec.prototype.sysctls = $util.emptyArray;
                ContainerSpec.prototype.ulimits = $util.emptyArray;
                ContainerSpec.prototype.pullMissing = false;
                ContainerSpec.prototype.auth = null;
                ContainerSpec.prototype.endpoints = $util.emptyArray;
                ContainerSpec.prototype.securityOpt = $util.emptyArray;
                ContainerSpec.prototype.userns = "";

                ContainerSpec.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                        w.uint32(10).string(m.image);
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(18).string(m.name);
                    if (m.cmd != null && m.cmd.length) {
                        for (var i = 0; i < m.cmd.length; ++i)
                            w.uint32(26).string(m.cmd[i]);
                    }
                    if (m.entrypoint != null && m.entrypoint.length) {
                        for (var i = 0; i < m.entrypoint.length; ++i)
                            w.uint32(34).string(m.entrypoint[i]);
                    }
                    if (m.entrypointSet != null && $Object.hasOwnProperty.call(m, "entrypointSet") && m.entrypointSet !== false)
                        w.uint32(40).bool(m.entrypointSet);
                    if (m.env != null && m.env.length) {
                        for (var i = 0; i < m.env.length; ++i)
                            w.uint32(50).string(m.env[i]);
                    }
                    if (m.workingDir != null && $Object.hasOwnProperty.call(m, "workingDir") && m.workingDir !== "")
                        w.uint32(58).string(m.workingDir);
                    if (m.user != null && $Object.hasOwnProperty.call(m, "user") && m.user !== "")
                        w.uint32(66).string(m.user);
                    if (m.hostname != null && $Object.hasOwnProperty.call(m, "hostname") && m.hostname !== "")
                        w.uint32(74).string(m.hostname);
                    if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                        for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                            w.uint32(82).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                        }
                    }
                    if (m.tty != null && $Object.hasOwnProperty.call(m, "tty") && m.tty !== false)
                        w.uint32(88).bool(m.tty);
                    if (m.openStdin != null && $Object.hasOwnProperty.call(m, "openStdin") && m.openStdin !== false)
                        w.uint32(96).bool(m.openStdin);
                    if (m.network != null && $Object.hasOwnProperty.call(m, "network") && m.network !== "")
                        w.uint32(106).string(m.network);
                    if (m.networkAliases != null && m.networkAliases.length) {
                        for (var i = 0; i < m.networkAliases.length; ++i)
                            w.uint32(114).string(m.networkAliases[i]);
                    }
                    if (m.ports != null && m.ports.length) {
                        for (var i = 0; i < m.ports.length; ++i)
                            $root.berth.engine.v1.PortBinding.encode(m.ports[i], w.uint32(122).fork(), q + 1).ldelim();
                    }
                    if (m.publishAll != null && $Object.hasOwnProperty.call(m, "publishAll") && m.publishAll !== false)
                        w.uint32(128).bool(m.publishAll);
                    if (m.mounts != null && m.mounts.length) {
                        for (var i = 0; i < m.mounts.length; ++i)
                            $root.berth.engine.v1.Mount.encode(m.mounts[i], w.uint32(138).fork(), q + 1).ldelim();
                    }
                    if (m.memoryBytes != null && $Object.hasOwnProperty.call(m, "memoryBytes") && (typeof m.memoryBytes === "object" ? m.memoryBytes.low || m.memoryBytes.high : m.memoryBytes !== 0))
                        w.uint32(144).int64(m.memoryBytes);
                    if (m.memorySwapBytes != null && $Object.hasOwnProperty.call(m, "memorySwapBytes") && (typeof m.memorySwapBytes === "object" ? m.memorySwapBytes.low || m.memorySwapBytes.high : m.memorySwapBytes !== 0))
                        w.uint32(152).int64(m.memorySwapBytes);
                    if (m.cpus != null && $Object.hasOwnProperty.call(m, "cpus") && !$Object.is(m.cpus, 0))
                        w.uint32(161).double(m.cpus);
                    if (m.cpuShares != null && $Object.hasOwnProperty.call(m, "cpuShares") && (typeof m.cpuShares === "object" ? m.cpuShares.low || m.cpuShares.high : m.cpuShares !== 0))
                        w.uint32(168).int64(m.cpuShares);
                    if (m.pidsLimit != null && $Object.hasOwnProperty.call(m, "pidsLimit") && (typeof m.pidsLimit === "object" ? m.pidsLimit.low || m.pidsLimit.high : m.pidsLimit !== 0))
                        w.uint32(176).int64(m.pidsLimit);
                    if (m.restart != null && $Object.hasOwnProperty.call(m, "restart"))
                        $root.berth.engine.v1.RestartPolicy.encode(m.restart, w.uint32(186).fork(), q + 1).ldelim();
                    if (m.autoRemove != null && $Object.hasOwnProperty.call(m, "autoRemove") && m.autoRemove !== false)
                        w.uint32(192).bool(m.autoRemove);
                    if (m.readOnly != null && $Object.hasOwnProperty.call(m, "readOnly") && m.readOnly !== false)
                        w.uint32(200).bool(m.readOnly);
                    if (m.healthcheck != null && $Object.hasOwnProperty.call(m, "healthcheck"))
                        $root.berth.engine.v1.Healthcheck.encode(m.healthcheck, w.uint32(210).fork(), q + 1).ldelim();
                    if (m.noHealthcheck != null && $Object.hasOwnProperty.call(m, "noHealthcheck") && m.noHealthcheck !== false)
                        w.uint32(216).bool(m.noHealthcheck);
                    if (m.capAdd != null && m.capAdd.length) {
                        for (var i = 0; i < m.capAdd.length; ++i)
                            w.uint32(226).string(m.capAdd[i]);
                    }
                    if (m.capDrop != null && m.capDrop.length) {
                        for (var i = 0; i < m.capDrop.length; ++i)
                            w.uint32(234).string(m.capDrop[i]);
                    }
                    if (m.stopSignal != null && $Object.hasOwnProperty.call(m, "stopSignal") && m.stopSignal !== "")
                        w.uint32(242).string(m.stopSignal);
                    if (m.stopTimeoutS != null && $Object.hasOwnProperty.call(m, "stopTimeoutS") && (typeof m.stopTimeoutS === "object" ? m.stopTimeoutS.low || m.stopTimeoutS.high : m.stopTimeoutS !== 0))
                        w.uint32(248).int64(m.stopTimeoutS);
                    if (m.stopTimeoutSet != null && $Object.hasOwnProperty.call(m, "stopTimeoutSet") && m.stopTimeoutSet !== false)
                        w.uint32(256).bool(m.stopTimeoutSet);
                    if (m.extraHosts != null && m.extraHosts.length) {
                        for (var i = 0; i < m.extraHosts.length; ++i)
                            w.uint32(266).string(m.extraHosts[i]);
                    }
                    if (m.dns != null && m.dns.length) {
                        for (var i = 0; i < m.dns.length; ++i)
                            w.uint32(274).string(m.dns[i]);
                    }
                    if (m.init != null && $Object.hasOwnProperty.call(m, "init") && m.init !== false)
                        w.uint32(280).bool(m.init);
                    if (m.privileged != null && $Object.hasOwnProperty.call(m, "privileged") && m.privileged !== false)
                        w.uint32(288).bool(m.privileged);
                    if (m.sysctls != null && m.sysctls.length) {
                        for (var i = 0; i < m.sysctls.length; ++i)
                            w.uint32(298).string(m.sysctls[i]);
                    }
                    if (m.ulimits != null && m.ulimits.length) {
                        for (var i = 0; i < m.ulimits.length; ++i)
                            w.uint32(306).string(m.ulimits[i]);
                    }
                    if (m.pullMissing != null && $Object.hasOwnProperty.call(m, "pullMissing") && m.pullMissing !== false)
                        w.uint32(312).bool(m.pullMissing);
                    if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                        $root.berth.engine.v1.RegistryAuth.encode(m.auth, w.uint32(322).fork(), q + 1).ldelim();
                    if (m.endpoints != null && m.endpoints.length) {
                        for (var i = 0; i < m.endpoints.length; ++i)
                            $root.berth.engine.v1.EndpointSpec.encode(m.endpoints[i], w.uint32(330).fork(), q + 1).ldelim();
                    }
                    if (m.securityOpt != null && m.securityOpt.length) {
                        for (var i = 0; i < m.securityOpt.length; ++i)
                            w.uint32(338).string(m.securityOpt[i]);
                    }
                    if (m.userns != null && $Object.hasOwnProperty.call(m, "userns") && m.userns !== "")
                        w.uint32(346).string(m.userns);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ContainerSpec.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ContainerSpec();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.image = v;
                                else
                                    delete m.image;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.cmd && m.cmd.length))
                                    m.cmd = [];
                                m.cmd.push(r.stringVerify());
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if (!(m.entrypoint && m.entrypoint.length))
                                    m.entrypoint = [];
                                m.entrypoint.push(r.stringVerify());
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.entrypointSet = v;
                                else
                                    delete m.entrypointSet;
                                continue;
                            }
                        case 6: {
                                if (u !== 2)
                                    break;
                                if (!(m.env && m.env.length))
                                    m.env = [];
                                m.env.push(r.stringVerify());
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.workingDir = v;
                                else
                                    delete m.workingDir;
                                continue;
                            }
                        case 8: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.user = v;
                                else
                                    delete m.user;
                                continue;
                            }
                        case 9: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.hostname = v;
                                else
                                    delete m.hostname;
                                continue;
                            }
                        case 10: {
                                if (u !== 2)
                                    break;
                                if (m.labels === $util.emptyObject)
                                    m.labels = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.labels, k);
                                m.labels[k] = v;
                                continue;
                            }
                        case 11: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.tty = v;
                                else
                                    delete m.tty;
                                continue;
                            }
                        case 12: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.openStdin = v;
                                else
                                    delete m.openStdin;
                                continue;
                            }
                        case 13: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.network = v;
                                else
                                    delete m.network;
                                continue;
                            }
                        case 14: {
                                if (u !== 2)
                                    break;
                                if (!(m.networkAliases && m.networkAliases.length))
                                    m.networkAliases = [];
                                m.networkAliases.push(r.stringVerify());
                                continue;
                            }
                        case 15: {
                                if (u !== 2)
                                    break;
                                if (!(m.ports && m.ports.length))
                                    m.ports = [];
                                m.ports.push($root.berth.engine.v1.PortBinding.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        case 16: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.publishAll = v;
                                else
                                    delete m.publishAll;
                                continue;
                            }
                        case 17: {
                                if (u !== 2)
                                    break;
                                if (!(m.mounts && m.mounts.length))
                                    m.mounts = [];
                                m.mounts.push($root.berth.engine.v1.Mount.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        case 18: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.memoryBytes = v;
                                else
                                    delete m.memoryBytes;
                                continue;
                            }
                        case 19: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.memorySwapBytes = v;
                                else
                                    delete m.memorySwapBytes;
                                continue;
                            }
                        case 20: {
                                if (u !== 1)
                                    break;
                                if (!$Object.is(v = r.double(), 0))
                                    m.cpus = v;
                                else
                                    delete m.cpus;
                                continue;
                            }
                        case 21: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.cpuShares = v;
                                else
                                    delete m.cpuShares;
                                continue;
                            }
                        case 22: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.pidsLimit = v;
                                else
                                    delete m.pidsLimit;
                                continue;
                            }
                        case 23: {
                                if (u !== 2)
                                    break;
                                m.restart = $root.berth.engine.v1.RestartPolicy.decode(r, r.size(), $undefined, q + 1, m.restart);
                                continue;
                            }
                        case 24: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.autoRemove = v;
                                else
                                    delete m.autoRemove;
                                continue;
                            }
                        case 25: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.readOnly = v;
                                else
                                    delete m.readOnly;
                                continue;
                            }
                        case 26: {
                                if (u !== 2)
                                    break;
                                m.healthcheck = $root.berth.engine.v1.Healthcheck.decode(r, r.size(), $undefined, q + 1, m.healthcheck);
                                continue;
                            }
                        case 27: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.noHealthcheck = v;
                                else
                                    delete m.noHealthcheck;
                                continue;
                            }
                        case 28: {
                                if (u !== 2)
                                    break;
                                if (!(m.capAdd && m.capAdd.length))
                                    m.capAdd = [];
                                m.capAdd.push(r.stringVerify());
                                continue;
                            }
                        case 29: {
                                if (u !== 2)
                                    break;
                                if (!(m.capDrop && m.capDrop.length))
                                    m.capDrop = [];
                                m.capDrop.push(r.stringVerify());
                                continue;
                            }
                        case 30: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.stopSignal = v;
                                else
                                    delete m.stopSignal;
                                continue;
                            }
                        case 31: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.stopTimeoutS = v;
                                else
                                    delete m.stopTimeoutS;
                                continue;
                            }
                        case 32: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.stopTimeoutSet = v;
                                else
                                    delete m.stopTimeoutSet;
                                continue;
                            }
                        case 33: {
                                if (u !== 2)
                                    break;
                                if (!(m.extraHosts && m.extraHosts.length))
                                    m.extraHosts = [];
                                m.extraHosts.push(r.stringVerify());
                                continue;
                            }
                        case 34: {
                                if (u !== 2)
                                    break;
                                if (!(m.dns && m.dns.length))
                                    m.dns = [];
                                m.dns.push(r.stringVerify());
                                continue;
                            }
                        case 35: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.init = v;
                                else
                                    delete m.init;
                                continue;
                            }
                        case 36: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.privileged = v;
                                else
                                    delete m.privileged;
                                continue;
                            }
                        case 37: {
                                if (u !== 2)
                                    break;
                                if (!(m.sysctls && m.sysctls.length))
                                    m.sysctls = [];
                                m.sysctls.push(r.stringVerify());
                                continue;
                            }
                        case 38: {
                                if (u !== 2)
                                    break;
                                if (!(m.ulimits && m.ulimits.length))
                                    m.ulimits = [];
                                m.ulimits.push(r.stringVerify());
                                continue;
                            }
                        case 39: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.pullMissing = v;
                                else
                                    delete m.pullMissing;
                                continue;
                            }
                        case 40: {
                                if (u !== 2)
                                    break;
                                m.auth = $root.berth.engine.v1.RegistryAuth.decode(r, r.size(), $undefined, q + 1, m.auth);
                                continue;
                            }
                        case 41: {
                                if (u !== 2)
                                    break;
                                if (!(m.endpoints && m.endpoints.length))
                                    m.endpoints = [];
                                m.endpoints.push($root.berth.engine.v1.EndpointSpec.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        case 42: {
                                if (u !== 2)
                                    break;
                                if (!(m.securityOpt && m.securityOpt.length))
                                    m.securityOpt = [];
                                m.securityOpt.push(r.stringVerify());
                                continue;
                            }
                        case 43: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.userns = v;
                                else
                                    delete m.userns;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ContainerSpec;
            })();

            v1.EndpointSpec = (function() {

                var EndpointSpec = function (p) {
                    this.aliases = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                EndpointSpec.prototype.network = "";
                EndpointSpec.prototype.ipv4Address = "";
                EndpointSpec.prototype.aliases = $util.emptyArray;

                EndpointSpec.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.network != null && $Object.hasOwnProperty.call(m, "network") && m.network !== "")
                        w.uint32(10).string(m.network);
                    if (m.ipv4Address != null && $Object.hasOwnProperty.call(m, "ipv4Address") && m.ipv4Address !== "")
                        w.uint32(18).string(m.ipv4Address);
                    if (m.aliases != null && m.aliases.length) {
                        for (var i = 0; i < m.aliases.length; ++i)
                            w.uint32(26).string(m.aliases[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                EndpointSpec.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.EndpointSpec();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.network = v;
                                else
                                    delete m.network;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.ipv4Address = v;
                                else
                                    delete m.ipv4Address;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.aliases && m.aliases.length))
                                    m.aliases = [];
                                m.aliases.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return EndpointSpec;
            })();

            v1.CreateContainerRequest = (function() {

                var CreateContainerRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CreateContainerRequest.prototype.spec = null;

                CreateContainerRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.spec != null && $Object.hasOwnProperty.call(m, "spec"))
                        $root.berth.engine.v1.ContainerSpec.encode(m.spec, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CreateContainerRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CreateContainerRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.spec = $root.berth.engine.v1.ContainerSpec.decode(r, r.size(), $undefined, q + 1, m.spec);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CreateContainerRequest;
            })();

            v1.CreateContainerResponse = (function() {

                var CreateContainerResponse = function (p) {
                    this.warnings = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CreateContainerResponse.prototype.id = "";
                CreateContainerResponse.prototype.warnings = $util.emptyArray;

                CreateContainerResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.warnings != null && m.warnings.length) {
                        for (var i = 0; i < m.warnings.length; ++i)
                            w.uint32(18).string(m.warnings[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CreateContainerResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CreateContainerResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.warnings && m.warnings.length))
                                    m.warnings = [];
                                m.warnings.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CreateContainerResponse;
            })();

            v1.RunRequest = (function() {

                var RunRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RunRequest.prototype.spec = null;
                RunRequest.prototype.detach = false;

                RunRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.spec != null && $Object.hasOwnProperty.call(m, "spec"))
                        $root.berth.engine.v1.ContainerSpec.encode(m.spec, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.detach != null && $Object.hasOwnProperty.call(m, "detach") && m.detach !== false)
                        w.uint32(16).bool(m.detach);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RunRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RunRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.spec = $root.berth.engine.v1.ContainerSpec.decode(r, r.size(), $undefined, q + 1, m.spec);
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.detach = v;
                                else
                                    delete m.detach;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RunRequest;
            })();

            v1.RunEvent = (function() {

                var RunEvent = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RunEvent.prototype.pull = null;
                RunEvent.prototype.created = null;
                RunEvent.prototype.stdout = null;
                RunEvent.prototype.stderr = null;
                RunEvent.prototype.exit = null;

                var $oneOfFields;

                $Object.defineProperty(RunEvent.prototype, "event", {
                    get: $util.oneOfGetter($oneOfFields = ["pull", "created", "stdout", "stderr", "exit"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                RunEvent.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.pull != null && $Object.hasOwnProperty.call(m, "pull"))
                        $root.berth.engine.v1.ProgressEvent.encode(m.pull, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.created != null && $Object.hasOwnProperty.call(m, "created"))
                        w.uint32(18).string(m.created);
                    if (m.stdout != null && $Object.hasOwnProperty.call(m, "stdout"))
                        w.uint32(26).bytes(m.stdout);
                    if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr"))
                        w.uint32(34).bytes(m.stderr);
                    if (m.exit != null && $Object.hasOwnProperty.call(m, "exit"))
                        $root.berth.engine.v1.ExitStatus.encode(m.exit, w.uint32(42).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RunEvent.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RunEvent();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.pull = $root.berth.engine.v1.ProgressEvent.decode(r, r.size(), $undefined, q + 1, m.pull);
                                m.event = "pull";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.created = r.stringVerify();
                                m.event = "created";
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.stdout = r.bytes();
                                m.event = "stdout";
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                m.stderr = r.bytes();
                                m.event = "stderr";
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                m.exit = $root.berth.engine.v1.ExitStatus.decode(r, r.size(), $undefined, q + 1, m.exit);
                                m.event = "exit";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RunEvent;
            })();

            v1.AttachInput = (function() {

                var AttachInput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                AttachInput.prototype.start = null;
                AttachInput.prototype.stdin = null;
                AttachInput.prototype.resize = null;
                AttachInput.prototype.closeStdin = null;

                var $oneOfFields;

                $Object.defineProperty(AttachInput.prototype, "input", {
                    get: $util.oneOfGetter($oneOfFields = ["start", "stdin", "resize", "closeStdin"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                AttachInput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.start != null && $Object.hasOwnProperty.call(m, "start"))
                        $root.berth.engine.v1.AttachStart.encode(m.start, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.stdin != null && $Object.hasOwnProperty.call(m, "stdin"))
                        w.uint32(18).bytes(m.stdin);
                    if (m.resize != null && $Object.hasOwnProperty.call(m, "resize"))
                        $root.berth.engine.v1.TerminalSize.encode(m.resize, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.closeStdin != null && $Object.hasOwnProperty.call(m, "closeStdin"))
                        w.uint32(32).bool(m.closeStdin);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                AttachInput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.AttachInput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.start = $root.berth.engine.v1.AttachStart.decode(r, r.size(), $undefined, q + 1, m.start);
                                m.input = "start";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.stdin = r.bytes();
                                m.input = "stdin";
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.resize = $root.berth.engine.v1.TerminalSize.decode(r, r.size(), $undefined, q + 1, m.resize);
                                m.input = "resize";
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                m.closeStdin = r.bool();
                                m.input = "closeStdin";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return AttachInput;
            })();

            v1.AttachStart = (function() {

                var AttachStart = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                AttachStart.prototype.id = "";
                AttachStart.prototype.start = false;
                AttachStart.prototype.size = null;

                AttachStart.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.start != null && $Object.hasOwnProperty.call(m, "start") && m.start !== false)
                        w.uint32(16).bool(m.start);
                    if (m.size != null && $Object.hasOwnProperty.call(m, "size"))
                        $root.berth.engine.v1.TerminalSize.encode(m.size, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                AttachStart.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.AttachStart();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.start = v;
                                else
                                    delete m.start;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.size = $root.berth.engine.v1.TerminalSize.decode(r, r.size(), $undefined, q + 1, m.size);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return AttachStart;
            })();

            v1.AttachOutput = (function() {

                var AttachOutput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                AttachOutput.prototype.stdout = null;
                AttachOutput.prototype.stderr = null;
                AttachOutput.prototype.exit = null;

                var $oneOfFields;

                $Object.defineProperty(AttachOutput.prototype, "output", {
                    get: $util.oneOfGetter($oneOfFields = ["stdout", "stderr", "exit"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                AttachOutput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.stdout != null && $Object.hasOwnProperty.call(m, "stdout"))
                        w.uint32(10).bytes(m.stdout);
                    if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr"))
                        w.uint32(18).bytes(m.stderr);
                    if (m.exit != null && $Object.hasOwnProperty.call(m, "exit"))
                        $root.berth.engine.v1.ExitStatus.encode(m.exit, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                AttachOutput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.AttachOutput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.stdout = r.bytes();
                                m.output = "stdout";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.stderr = r.bytes();
                                m.output = "stderr";
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.exit = $root.berth.engine.v1.ExitStatus.decode(r, r.size(), $undefined, q + 1, m.exit);
                                m.output = "exit";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return AttachOutput;
            })();

            v1.TerminalSize = (function() {

                var TerminalSize = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                TerminalSize.prototype.rows = 0;
                TerminalSize.prototype.cols = 0;

                TerminalSize.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && m.rows !== 0)
                        w.uint32(8).uint32(m.rows);
                    if (m.cols != null && $Object.hasOwnProperty.call(m, "cols") && m.cols !== 0)
                        w.uint32(16).uint32(m.cols);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                TerminalSize.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.TerminalSize();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.rows = v;
                                else
                                    delete m.rows;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.uint32())
                                    m.cols = v;
                                else
                                    delete m.cols;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return TerminalSize;
            })();

            v1.StopRequest = (function() {

                var StopRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                StopRequest.prototype.id = "";
                StopRequest.prototype.timeoutS = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                StopRequest.prototype.timeoutSet = false;
                StopRequest.prototype.signal = "";

                StopRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.timeoutS != null && $Object.hasOwnProperty.call(m, "timeoutS") && (typeof m.timeoutS === "object" ? m.timeoutS.low || m.timeoutS.high : m.timeoutS !== 0))
                        w.uint32(16).int64(m.timeoutS);
                    if (m.timeoutSet != null && $Object.hasOwnProperty.call(m, "timeoutSet") && m.timeoutSet !== false)
                        w.uint32(24).bool(m.timeoutSet);
                    if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                        w.uint32(34).string(m.signal);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                StopRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.StopRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.timeoutS = v;
                                else
                                    delete m.timeoutS;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.timeoutSet = v;
                                else
                                    delete m.timeoutSet;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.signal = v;
                                else
                                    delete m.signal;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return StopRequest;
            })();

            v1.KillRequest = (function() {

                var KillRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                KillRequest.prototype.id = "";
                KillRequest.prototype.signal = "";

                KillRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.signal != null && $Object.hasOwnProperty.call(m, "signal") && m.signal !== "")
                        w.uint32(18).string(m.signal);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                KillRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.KillRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.signal = v;
                                else
                                    delete m.signal;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return KillRequest;
            })();

            v1.RemoveContainerRequest = (function() {

                var RemoveContainerRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RemoveContainerRequest.prototype.id = "";
                RemoveContainerRequest.prototype.force = false;
                RemoveContainerRequest.prototype.volumes = false;

                RemoveContainerRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.force != null && $Object.hasOwnProperty.call(m, "force") && m.force !== false)
                        w.uint32(16).bool(m.force);
                    if (m.volumes != null && $Object.hasOwnProperty.call(m, "volumes") && m.volumes !== false)
                        w.uint32(24).bool(m.volumes);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RemoveContainerRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RemoveContainerRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.force = v;
                                else
                                    delete m.force;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.volumes = v;
                                else
                                    delete m.volumes;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RemoveContainerRequest;
            })();

            v1.RenameRequest = (function() {

                var RenameRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RenameRequest.prototype.id = "";
                RenameRequest.prototype.name = "";

                RenameRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(18).string(m.name);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RenameRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RenameRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RenameRequest;
            })();

            v1.ListContainersRequest = (function() {

                var ListContainersRequest = function (p) {
                    this.filters = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ListContainersRequest.prototype.all = false;
                ListContainersRequest.prototype.filters = $util.emptyArray;
                ListContainersRequest.prototype.last = 0;

                ListContainersRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.all != null && $Object.hasOwnProperty.call(m, "all") && m.all !== false)
                        w.uint32(8).bool(m.all);
                    if (m.filters != null && m.filters.length) {
                        for (var i = 0; i < m.filters.length; ++i)
                            w.uint32(18).string(m.filters[i]);
                    }
                    if (m.last != null && $Object.hasOwnProperty.call(m, "last") && m.last !== 0)
                        w.uint32(24).int32(m.last);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ListContainersRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ListContainersRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.all = v;
                                else
                                    delete m.all;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.filters && m.filters.length))
                                    m.filters = [];
                                m.filters.push(r.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (v = r.int32())
                                    m.last = v;
                                else
                                    delete m.last;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ListContainersRequest;
            })();

            v1.ContainerSummary = (function() {

                var ContainerSummary = function (p) {
                    this.names = [];
                    this.ports = [];
                    this.labels = {};
                    this.networks = [];
                    this.mounts = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ContainerSummary.prototype.id = "";
                ContainerSummary.prototype.names = $util.emptyArray;
                ContainerSummary.prototype.image = "";
                ContainerSummary.prototype.imageId = "";
                ContainerSummary.prototype.command = "";
                ContainerSummary.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerSummary.prototype.state = "";
                ContainerSummary.prototype.status = "";
                ContainerSummary.prototype.ports = $util.emptyArray;
                ContainerSummary.prototype.labels = $util.emptyObject;
                ContainerSummary.prototype.networks = $util.emptyArray;
                ContainerSummary.prototype.mounts = $util.emptyArray;

                ContainerSummary.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.names != null && m.names.length) {
                        for (var i = 0; i < m.names.length; ++i)
                            w.uint32(18).string(m.names[i]);
                    }
                    if (m.image != null && $Object.hasOwnProperty.call(m, "image") && m.image !== "")
                        w.uint32(26).string(m.image);
                    if (m.imageId != null && $Object.hasOwnProperty.call(m, "imageId") && m.imageId !== "")
                        w.uint32(34).string(m.imageId);
                    if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command !== "")
                        w.uint32(42).string(m.command);
                    if (m.createdMs != null && $Object.hasOwnProperty.call(m, "createdMs") && (typeof m.createdMs === "object" ? m.createdMs.low || m.createdMs.high : m.createdMs !== 0))
                        w.uint32(48).int64(m.createdMs);
                    if (m.state != null && $Object.hasOwnProperty.call(m, "state") && m.state !== "")
                        w.uint32(58).string(m.state);
                    if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== "")
                        w.uint32(66).string(m.status);
                    if (m.ports != null && m.ports.length) {
                        for (var i = 0; i < m.ports.length; ++i)
                            $root.berth.engine.v1.PortBinding.encode(m.ports[i], w.uint32(74).fork(), q + 1).ldelim();
                    }
                    if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                        for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                            w.uint32(82).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                        }
                    }
                    if (m.networks != null && m.networks.length) {
                        for (var i = 0; i < m.networks.length; ++i)
                            w.uint32(90).string(m.networks[i]);
                    }
                    if (m.mounts != null && m.mounts.length) {
                        for (var i = 0; i < m.mounts.length; ++i)
                            w.uint32(98).string(m.mounts[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ContainerSummary.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ContainerSummary();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.names && m.names.length))
                                    m.names = [];
                                m.names.push(r.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.image = v;
                                else
                                    delete m.image;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.imageId = v;
                                else
                                    delete m.imageId;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.command = v;
                                else
                                    delete m.command;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.createdMs = v;
                                else
                                    delete m.createdMs;
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.state = v;
                                else
                                    delete m.state;
                                continue;
                            }
                        case 8: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.status = v;
                                else
                                    delete m.status;
                                continue;
                            }
                        case 9: {
                                if (u !== 2)
                                    break;
                                if (!(m.ports && m.ports.length))
                                    m.ports = [];
                                m.ports.push($root.berth.engine.v1.PortBinding.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        case 10: {
                                if (u !== 2)
                                    break;
                                if (m.labels === $util.emptyObject)
                                    m.labels = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.labels, k);
                                m.labels[k] = v;
                                continue;
                            }
                        case 11: {
                                if (u !== 2)
                                    break;
                                if (!(m.networks && m.networks.length))
                                    m.networks = [];
                                m.networks.push(r.stringVerify());
                                continue;
                            }
                        case 12: {
                                if (u !== 2)
                                    break;
                                if (!(m.mounts && m.mounts.length))
                                    m.mounts = [];
                                m.mounts.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ContainerSummary;
            })();

            v1.ContainerList = (function() {

                var ContainerList = function (p) {
                    this.containers = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ContainerList.prototype.containers = $util.emptyArray;

                ContainerList.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.containers != null && m.containers.length) {
                        for (var i = 0; i < m.containers.length; ++i)
                            $root.berth.engine.v1.ContainerSummary.encode(m.containers[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ContainerList.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ContainerList();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.containers && m.containers.length))
                                    m.containers = [];
                                m.containers.push($root.berth.engine.v1.ContainerSummary.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ContainerList;
            })();

            v1.LogsRequest = (function() {

                var LogsRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                LogsRequest.prototype.id = "";
                LogsRequest.prototype.follow = false;
                LogsRequest.prototype.timestamps = false;
                LogsRequest.prototype.sinceMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                LogsRequest.prototype.untilMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                LogsRequest.prototype.tail = 0;
                LogsRequest.prototype.stdout = false;
                LogsRequest.prototype.stderr = false;

                LogsRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.follow != null && $Object.hasOwnProperty.call(m, "follow") && m.follow !== false)
                        w.uint32(16).bool(m.follow);
                    if (m.timestamps != null && $Object.hasOwnProperty.call(m, "timestamps") && m.timestamps !== false)
                        w.uint32(24).bool(m.timestamps);
                    if (m.sinceMs != null && $Object.hasOwnProperty.call(m, "sinceMs") && (typeof m.sinceMs === "object" ? m.sinceMs.low || m.sinceMs.high : m.sinceMs !== 0))
                        w.uint32(32).int64(m.sinceMs);
                    if (m.untilMs != null && $Object.hasOwnProperty.call(m, "untilMs") && (typeof m.untilMs === "object" ? m.untilMs.low || m.untilMs.high : m.untilMs !== 0))
                        w.uint32(40).int64(m.untilMs);
                    if (m.tail != null && $Object.hasOwnProperty.call(m, "tail") && m.tail !== 0)
                        w.uint32(48).int32(m.tail);
                    if (m.stdout != null && $Object.hasOwnProperty.call(m, "stdout") && m.stdout !== false)
                        w.uint32(56).bool(m.stdout);
                    if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr") && m.stderr !== false)
                        w.uint32(64).bool(m.stderr);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                LogsRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.LogsRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.follow = v;
                                else
                                    delete m.follow;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.timestamps = v;
                                else
                                    delete m.timestamps;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.sinceMs = v;
                                else
                                    delete m.sinceMs;
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.untilMs = v;
                                else
                                    delete m.untilMs;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.int32())
                                    m.tail = v;
                                else
                                    delete m.tail;
                                continue;
                            }
                        case 7: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.stdout = v;
                                else
                                    delete m.stdout;
                                continue;
                            }
                        case 8: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.stderr = v;
                                else
                                    delete m.stderr;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return LogsRequest;
            })();

            v1.LogEntry = (function() {

                var LogEntry = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                LogEntry.prototype.stream = "";
                LogEntry.prototype.data = $util.newBuffer([]);
                LogEntry.prototype.time = "";

                LogEntry.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.stream != null && $Object.hasOwnProperty.call(m, "stream") && m.stream !== "")
                        w.uint32(10).string(m.stream);
                    if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                        w.uint32(18).bytes(m.data);
                    if (m.time != null && $Object.hasOwnProperty.call(m, "time") && m.time !== "")
                        w.uint32(26).string(m.time);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                LogEntry.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.LogEntry();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.stream = v;
                                else
                                    delete m.stream;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.bytes()).length)
                                    m.data = v;
                                else
                                    delete m.data;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.time = v;
                                else
                                    delete m.time;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return LogEntry;
            })();

            v1.ExitStatus = (function() {

                var ExitStatus = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ExitStatus.prototype.exitCode = 0;
                ExitStatus.prototype.oomKilled = false;
                ExitStatus.prototype.error = "";

                ExitStatus.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.exitCode != null && $Object.hasOwnProperty.call(m, "exitCode") && m.exitCode !== 0)
                        w.uint32(8).int32(m.exitCode);
                    if (m.oomKilled != null && $Object.hasOwnProperty.call(m, "oomKilled") && m.oomKilled !== false)
                        w.uint32(16).bool(m.oomKilled);
                    if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                        w.uint32(26).string(m.error);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ExitStatus.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ExitStatus();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.int32())
                                    m.exitCode = v;
                                else
                                    delete m.exitCode;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.oomKilled = v;
                                else
                                    delete m.oomKilled;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.error = v;
                                else
                                    delete m.error;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ExitStatus;
            })();

            v1.ExecInput = (function() {

                var ExecInput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ExecInput.prototype.start = null;
                ExecInput.prototype.stdin = null;
                ExecInput.prototype.resize = null;
                ExecInput.prototype.closeStdin = null;

                var $oneOfFields;

                $Object.defineProperty(ExecInput.prototype, "input", {
                    get: $util.oneOfGetter($oneOfFields = ["start", "stdin", "resize", "closeStdin"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                ExecInput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.start != null && $Object.hasOwnProperty.call(m, "start"))
                        $root.berth.engine.v1.ExecStart.encode(m.start, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.stdin != null && $Object.hasOwnProperty.call(m, "stdin"))
                        w.uint32(18).bytes(m.stdin);
                    if (m.resize != null && $Object.hasOwnProperty.call(m, "resize"))
                        $root.berth.engine.v1.TerminalSize.encode(m.resize, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.closeStdin != null && $Object.hasOwnProperty.call(m, "closeStdin"))
                        w.uint32(32).bool(m.closeStdin);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ExecInput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ExecInput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.start = $root.berth.engine.v1.ExecStart.decode(r, r.size(), $undefined, q + 1, m.start);
                                m.input = "start";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.stdin = r.bytes();
                                m.input = "stdin";
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.resize = $root.berth.engine.v1.TerminalSize.decode(r, r.size(), $undefined, q + 1, m.resize);
                                m.input = "resize";
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                m.closeStdin = r.bool();
                                m.input = "closeStdin";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ExecInput;
            })();

            v1.ExecStart = (function() {

                var ExecStart = function (p) {
                    this.cmd = [];
                    this.env = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ExecStart.prototype.id = "";
                ExecStart.prototype.cmd = $util.emptyArray;
                ExecStart.prototype.env = $util.emptyArray;
                ExecStart.prototype.workingDir = "";
                ExecStart.prototype.user = "";
                ExecStart.prototype.tty = false;
                ExecStart.prototype.stdin = false;
                ExecStart.prototype.detach = false;
                ExecStart.prototype.privileged = false;
                ExecStart.prototype.size = null;

                ExecStart.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.cmd != null && m.cmd.length) {
                        for (var i = 0; i < m.cmd.length; ++i)
                            w.uint32(18).string(m.cmd[i]);
                    }
                    if (m.env != null && m.env.length) {
                        for (var i = 0; i < m.env.length; ++i)
                            w.uint32(26).string(m.env[i]);
                    }
                    if (m.workingDir != null && $Object.hasOwnProperty.call(m, "workingDir") && m.workingDir !== "")
                        w.uint32(34).string(m.workingDir);
                    if (m.user != null && $Object.hasOwnProperty.call(m, "user") && m.user !== "")
                        w.uint32(42).string(m.user);
                    if (m.tty != null && $Object.hasOwnProperty.call(m, "tty") && m.tty !== false)
                        w.uint32(48).bool(m.tty);
                    if (m.stdin != null && $Object.hasOwnProperty.call(m, "stdin") && m.stdin !== false)
                        w.uint32(56).bool(m.stdin);
                    if (m.detach != null && $Object.hasOwnProperty.call(m, "detach") && m.detach !== false)
                        w.uint32(64).bool(m.detach);
                    if (m.privileged != null && $Object.hasOwnProperty.call(m, "privileged") && m.privileged !== false)
                        w.uint32(72).bool(m.privileged);
                    if (m.size != null && $Object.hasOwnProperty.call(m, "size"))
                        $root.berth.engine.v1.TerminalSize.encode(m.size, w.uint32(82).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ExecStart.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ExecStart();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.cmd && m.cmd.length))
                                    m.cmd = [];
                                m.cmd.push(r.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.env && m.env.length))
                                    m.env = [];
                                m.env.push(r.stringVerify());
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.workingDir = v;
                                else
                                    delete m.workingDir;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.user = v;
                                else
                                    delete m.user;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.tty = v;
                                else
                                    delete m.tty;
                                continue;
                            }
                        case 7: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.stdin = v;
                                else
                                    delete m.stdin;
                                continue;
                            }
                        case 8: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.detach = v;
                                else
                                    delete m.detach;
                                continue;
                            }
                        case 9: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.privileged = v;
                                else
                                    delete m.privileged;
                                continue;
                            }
                        case 10: {
                                if (u !== 2)
                                    break;
                                m.size = $root.berth.engine.v1.TerminalSize.decode(r, r.size(), $undefined, q + 1, m.size);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ExecStart;
            })();

            v1.ExecOutput = (function() {

                var ExecOutput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ExecOutput.prototype.stdout = null;
                ExecOutput.prototype.stderr = null;
                ExecOutput.prototype.exit = null;

                var $oneOfFields;

                $Object.defineProperty(ExecOutput.prototype, "output", {
                    get: $util.oneOfGetter($oneOfFields = ["stdout", "stderr", "exit"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                ExecOutput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.stdout != null && $Object.hasOwnProperty.call(m, "stdout"))
                        w.uint32(10).bytes(m.stdout);
                    if (m.stderr != null && $Object.hasOwnProperty.call(m, "stderr"))
                        w.uint32(18).bytes(m.stderr);
                    if (m.exit != null && $Object.hasOwnProperty.call(m, "exit"))
                        $root.berth.engine.v1.ExitStatus.encode(m.exit, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ExecOutput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ExecOutput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.stdout = r.bytes();
                                m.output = "stdout";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.stderr = r.bytes();
                                m.output = "stderr";
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.exit = $root.berth.engine.v1.ExitStatus.decode(r, r.size(), $undefined, q + 1, m.exit);
                                m.output = "exit";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ExecOutput;
            })();

            v1.StatsRequest = (function() {

                var StatsRequest = function (p) {
                    this.ids = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                StatsRequest.prototype.ids = $util.emptyArray;
                StatsRequest.prototype.stream = false;

                StatsRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.ids != null && m.ids.length) {
                        for (var i = 0; i < m.ids.length; ++i)
                            w.uint32(10).string(m.ids[i]);
                    }
                    if (m.stream != null && $Object.hasOwnProperty.call(m, "stream") && m.stream !== false)
                        w.uint32(16).bool(m.stream);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                StatsRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.StatsRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.ids && m.ids.length))
                                    m.ids = [];
                                m.ids.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.stream = v;
                                else
                                    delete m.stream;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return StatsRequest;
            })();

            v1.ContainerStats = (function() {

                var ContainerStats = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ContainerStats.prototype.id = "";
                ContainerStats.prototype.name = "";
                ContainerStats.prototype.cpuPercent = 0;
                ContainerStats.prototype.memoryUsageBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.memoryLimitBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.memoryPercent = 0;
                ContainerStats.prototype.netRxBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.netTxBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.blockReadBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.blockWriteBytes = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ContainerStats.prototype.pids = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                ContainerStats.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(18).string(m.name);
                    if (m.cpuPercent != null && $Object.hasOwnProperty.call(m, "cpuPercent") && !$Object.is(m.cpuPercent, 0))
                        w.uint32(25).double(m.cpuPercent);
                    if (m.memoryUsageBytes != null && $Object.hasOwnProperty.call(m, "memoryUsageBytes") && (typeof m.memoryUsageBytes === "object" ? m.memoryUsageBytes.low || m.memoryUsageBytes.high : m.memoryUsageBytes !== 0))
                        w.uint32(32).int64(m.memoryUsageBytes);
                    if (m.memoryLimitBytes != null && $Object.hasOwnProperty.call(m, "memoryLimitBytes") && (typeof m.memoryLimitBytes === "object" ? m.memoryLimitBytes.low || m.memoryLimitBytes.high : m.memoryLimitBytes !== 0))
                        w.uint32(40).int64(m.memoryLimitBytes);
                    if (m.memoryPercent != null && $Object.hasOwnProperty.call(m, "memoryPercent") && !$Object.is(m.memoryPercent, 0))
                        w.uint32(49).double(m.memoryPercent);
                    if (m.netRxBytes != null && $Object.hasOwnProperty.call(m, "netRxBytes") && (typeof m.netRxBytes === "object" ? m.netRxBytes.low || m.netRxBytes.high : m.netRxBytes !== 0))
                        w.uint32(56).int64(m.netRxBytes);
                    if (m.netTxBytes != null && $Object.hasOwnProperty.call(m, "netTxBytes") && (typeof m.netTxBytes === "object" ? m.netTxBytes.low || m.netTxBytes.high : m.netTxBytes !== 0))
                        w.uint32(64).int64(m.netTxBytes);
                    if (m.blockReadBytes != null && $Object.hasOwnProperty.call(m, "blockReadBytes") && (typeof m.blockReadBytes === "object" ? m.blockReadBytes.low || m.blockReadBytes.high : m.blockReadBytes !== 0))
                        w.uint32(72).int64(m.blockReadBytes);
                    if (m.blockWriteBytes != null && $Object.hasOwnProperty.call(m, "blockWriteBytes") && (typeof m.blockWriteBytes === "object" ? m.blockWriteBytes.low || m.blockWriteBytes.high : m.blockWriteBytes !== 0))
                        w.uint32(80).int64(m.blockWriteBytes);
                    if (m.pids != null && $Object.hasOwnProperty.call(m, "pids") && (typeof m.pids === "object" ? m.pids.low || m.pids.high : m.pids !== 0))
                        w.uint32(88).int64(m.pids);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ContainerStats.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ContainerStats();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 3: {
                                if (u !== 1)
                                    break;
                                if (!$Object.is(v = r.double(), 0))
                                    m.cpuPercent = v;
                                else
                                    delete m.cpuPercent;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.memoryUsageBytes = v;
                                else
                                    delete m.memoryUsageBytes;
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.memoryLimitBytes = v;
                                else
                                    delete m.memoryLimitBytes;
                                continue;
                            }
                        case 6: {
                                if (u !== 1)
                                    break;
                                if (!$Object.is(v = r.double(), 0))
                                    m.memoryPercent = v;
                                else
                                    delete m.memoryPercent;
                                continue;
                            }
                        case 7: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.netRxBytes = v;
                                else
                                    delete m.netRxBytes;
                                continue;
                            }
                        case 8: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.netTxBytes = v;
                                else
                                    delete m.netTxBytes;
                                continue;
                            }
                        case 9: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.blockReadBytes = v;
                                else
                                    delete m.blockReadBytes;
                                continue;
                            }
                        case 10: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.blockWriteBytes = v;
                                else
                                    delete m.blockWriteBytes;
                                continue;
                            }
                        case 11: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.pids = v;
                                else
                                    delete m.pids;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ContainerStats;
            })();

            v1.TopResponse = (function() {

                var TopResponse = function (p) {
                    this.titles = [];
                    this.processes = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                TopResponse.prototype.titles = $util.emptyArray;
                TopResponse.prototype.processes = $util.emptyArray;

                TopResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.titles != null && m.titles.length) {
                        for (var i = 0; i < m.titles.length; ++i)
                            w.uint32(10).string(m.titles[i]);
                    }
                    if (m.processes != null && m.processes.length) {
                        for (var i = 0; i < m.processes.length; ++i)
                            $root.berth.engine.v1.TopRow.encode(m.processes[i], w.uint32(18).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                TopResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.TopResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.titles && m.titles.length))
                                    m.titles = [];
                                m.titles.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.processes && m.processes.length))
                                    m.processes = [];
                                m.processes.push($root.berth.engine.v1.TopRow.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return TopResponse;
            })();

            v1.TopRow = (function() {

                var TopRow = function (p) {
                    this.columns = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                TopRow.prototype.columns = $util.emptyArray;

                TopRow.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.columns != null && m.columns.length) {
                        for (var i = 0; i < m.columns.length; ++i)
                            w.uint32(10).string(m.columns[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                TopRow.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.TopRow();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.columns && m.columns.length))
                                    m.columns = [];
                                m.columns.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return TopRow;
            })();

            v1.DiffResponse = (function() {

                var DiffResponse = function (p) {
                    this.changes = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                DiffResponse.prototype.changes = $util.emptyArray;

                DiffResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.changes != null && m.changes.length) {
                        for (var i = 0; i < m.changes.length; ++i)
                            $root.berth.engine.v1.DiffEntry.encode(m.changes[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                DiffResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.DiffResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.changes && m.changes.length))
                                    m.changes = [];
                                m.changes.push($root.berth.engine.v1.DiffEntry.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return DiffResponse;
            })();

            v1.DiffEntry = (function() {

                var DiffEntry = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                DiffEntry.prototype.kind = "";
                DiffEntry.prototype.path = "";

                DiffEntry.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                        w.uint32(10).string(m.kind);
                    if (m.path != null && $Object.hasOwnProperty.call(m, "path") && m.path !== "")
                        w.uint32(18).string(m.path);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                DiffEntry.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.DiffEntry();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.kind = v;
                                else
                                    delete m.kind;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.path = v;
                                else
                                    delete m.path;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return DiffEntry;
            })();

            v1.CommitRequest = (function() {

                var CommitRequest = function (p) {
                    this.changes = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CommitRequest.prototype.id = "";
                CommitRequest.prototype.reference = "";
                CommitRequest.prototype.message = "";
                CommitRequest.prototype.author = "";
                CommitRequest.prototype.changes = $util.emptyArray;
                CommitRequest.prototype.pause = false;

                CommitRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.reference != null && $Object.hasOwnProperty.call(m, "reference") && m.reference !== "")
                        w.uint32(18).string(m.reference);
                    if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                        w.uint32(26).string(m.message);
                    if (m.author != null && $Object.hasOwnProperty.call(m, "author") && m.author !== "")
                        w.uint32(34).string(m.author);
                    if (m.changes != null && m.changes.length) {
                        for (var i = 0; i < m.changes.length; ++i)
                            w.uint32(42).string(m.changes[i]);
                    }
                    if (m.pause != null && $Object.hasOwnProperty.call(m, "pause") && m.pause !== false)
                        w.uint32(48).bool(m.pause);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CommitRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CommitRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.reference = v;
                                else
                                    delete m.reference;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.message = v;
                                else
                                    delete m.message;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.author = v;
                                else
                                    delete m.author;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if (!(m.changes && m.changes.length))
                                    m.changes = [];
                                m.changes.push(r.stringVerify());
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.pause = v;
                                else
                                    delete m.pause;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CommitRequest;
            })();

            v1.CopyRequest = (function() {

                var CopyRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CopyRequest.prototype.id = "";
                CopyRequest.prototype.path = "";

                CopyRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.path != null && $Object.hasOwnProperty.call(m, "path") && m.path !== "")
                        w.uint32(18).string(m.path);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CopyRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CopyRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.path = v;
                                else
                                    delete m.path;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CopyRequest;
            })();

            v1.CopyToInput = (function() {

                var CopyToInput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CopyToInput.prototype.target = null;
                CopyToInput.prototype.data = null;

                var $oneOfFields;

                $Object.defineProperty(CopyToInput.prototype, "input", {
                    get: $util.oneOfGetter($oneOfFields = ["target", "data"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                CopyToInput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.target != null && $Object.hasOwnProperty.call(m, "target"))
                        $root.berth.engine.v1.CopyRequest.encode(m.target, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.data != null && $Object.hasOwnProperty.call(m, "data"))
                        w.uint32(18).bytes(m.data);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CopyToInput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CopyToInput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.target = $root.berth.engine.v1.CopyRequest.decode(r, r.size(), $undefined, q + 1, m.target);
                                m.input = "target";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.data = r.bytes();
                                m.input = "data";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CopyToInput;
            })();

            v1.RegistryAuth = (function() {

                var RegistryAuth = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RegistryAuth.prototype.username = "";
                RegistryAuth.prototype.password = "";

                RegistryAuth.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.username != null && $Object.hasOwnProperty.call(m, "username") && m.username !== "")
                        w.uint32(10).string(m.username);
                    if (m.password != null && $Object.hasOwnProperty.call(m, "password") && m.password !== "")
                        w.uint32(18).string(m.password);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RegistryAuth.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RegistryAuth();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.username = v;
                                else
                                    delete m.username;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.password = v;
                                else
                                    delete m.password;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RegistryAuth;
            })();

            v1.ImageRef = (function() {

                var ImageRef = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImageRef.prototype.name = "";

                ImageRef.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImageRef.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImageRef();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImageRef;
            })();

            v1.ImageId = (function() {

                var ImageId = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImageId.prototype.id = "";

                ImageId.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImageId.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImageId();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImageId;
            })();

            v1.PullRequest = (function() {

                var PullRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                PullRequest.prototype.reference = "";
                PullRequest.prototype.platform = "";
                PullRequest.prototype.auth = null;

                PullRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.reference != null && $Object.hasOwnProperty.call(m, "reference") && m.reference !== "")
                        w.uint32(10).string(m.reference);
                    if (m.platform != null && $Object.hasOwnProperty.call(m, "platform") && m.platform !== "")
                        w.uint32(18).string(m.platform);
                    if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                        $root.berth.engine.v1.RegistryAuth.encode(m.auth, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                PullRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.PullRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.reference = v;
                                else
                                    delete m.reference;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.platform = v;
                                else
                                    delete m.platform;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                m.auth = $root.berth.engine.v1.RegistryAuth.decode(r, r.size(), $undefined, q + 1, m.auth);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return PullRequest;
            })();

            v1.PushRequest = (function() {

                var PushRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                PushRequest.prototype.reference = "";
                PushRequest.prototype.auth = null;

                PushRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.reference != null && $Object.hasOwnProperty.call(m, "reference") && m.reference !== "")
                        w.uint32(10).string(m.reference);
                    if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                        $root.berth.engine.v1.RegistryAuth.encode(m.auth, w.uint32(18).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                PushRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.PushRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.reference = v;
                                else
                                    delete m.reference;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.auth = $root.berth.engine.v1.RegistryAuth.decode(r, r.size(), $undefined, q + 1, m.auth);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return PushRequest;
            })();

            v1.ProgressEvent = (function() {

                var ProgressEvent = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ProgressEvent.prototype.id = "";
                ProgressEvent.prototype.action = "";
                ProgressEvent.prototype.current = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ProgressEvent.prototype.total = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ProgressEvent.prototype.detail = "";
                ProgressEvent.prototype.status = "";
                ProgressEvent.prototype.digest = "";
                ProgressEvent.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                ProgressEvent.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                        w.uint32(18).string(m.action);
                    if (m.current != null && $Object.hasOwnProperty.call(m, "current") && (typeof m.current === "object" ? m.current.low || m.current.high : m.current !== 0))
                        w.uint32(24).int64(m.current);
                    if (m.total != null && $Object.hasOwnProperty.call(m, "total") && (typeof m.total === "object" ? m.total.low || m.total.high : m.total !== 0))
                        w.uint32(32).int64(m.total);
                    if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                        w.uint32(42).string(m.detail);
                    if (m.status != null && $Object.hasOwnProperty.call(m, "status") && m.status !== "")
                        w.uint32(50).string(m.status);
                    if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                        w.uint32(58).string(m.digest);
                    if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                        w.uint32(64).int64(m.size);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ProgressEvent.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ProgressEvent();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.action = v;
                                else
                                    delete m.action;
                                continue;
                            }
                        case 3: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.current = v;
                                else
                                    delete m.current;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.total = v;
                                else
                                    delete m.total;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.detail = v;
                                else
                                    delete m.detail;
                                continue;
                            }
                        case 6: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.status = v;
                                else
                                    delete m.status;
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.digest = v;
                                else
                                    delete m.digest;
                                continue;
                            }
                        case 8: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.size = v;
                                else
                                    delete m.size;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ProgressEvent;
            })();

            v1.BuildRequest = (function() {

                var BuildRequest = function (p) {
                    this.tags = [];
                    this.buildArgs = {};
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                BuildRequest.prototype.contextPath = "";
                BuildRequest.prototype.dockerfile = "";
                BuildRequest.prototype.tags = $util.emptyArray;
                BuildRequest.prototype.buildArgs = $util.emptyObject;
                BuildRequest.prototype.target = "";
                BuildRequest.prototype.noCache = false;
                BuildRequest.prototype.cgroupParent = "";
                BuildRequest.prototype.auth = null;

                BuildRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.contextPath != null && $Object.hasOwnProperty.call(m, "contextPath") && m.contextPath !== "")
                        w.uint32(10).string(m.contextPath);
                    if (m.dockerfile != null && $Object.hasOwnProperty.call(m, "dockerfile") && m.dockerfile !== "")
                        w.uint32(18).string(m.dockerfile);
                    if (m.tags != null && m.tags.length) {
                        for (var i = 0; i < m.tags.length; ++i)
                            w.uint32(26).string(m.tags[i]);
                    }
                    if (m.buildArgs != null && $Object.hasOwnProperty.call(m, "buildArgs")) {
                        for (var ks = $Object.keys(m.buildArgs), i = 0; i < ks.length; ++i) {
                            w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.buildArgs[ks[i]]).ldelim();
                        }
                    }
                    if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                        w.uint32(42).string(m.target);
                    if (m.noCache != null && $Object.hasOwnProperty.call(m, "noCache") && m.noCache !== false)
                        w.uint32(48).bool(m.noCache);
                    if (m.cgroupParent != null && $Object.hasOwnProperty.call(m, "cgroupParent") && m.cgroupParent !== "")
                        w.uint32(58).string(m.cgroupParent);
                    if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                        $root.berth.engine.v1.RegistryAuth.encode(m.auth, w.uint32(66).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                BuildRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.BuildRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.contextPath = v;
                                else
                                    delete m.contextPath;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.dockerfile = v;
                                else
                                    delete m.dockerfile;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.tags && m.tags.length))
                                    m.tags = [];
                                m.tags.push(r.stringVerify());
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if (m.buildArgs === $util.emptyObject)
                                    m.buildArgs = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.buildArgs, k);
                                m.buildArgs[k] = v;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.target = v;
                                else
                                    delete m.target;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.noCache = v;
                                else
                                    delete m.noCache;
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.cgroupParent = v;
                                else
                                    delete m.cgroupParent;
                                continue;
                            }
                        case 8: {
                                if (u !== 2)
                                    break;
                                m.auth = $root.berth.engine.v1.RegistryAuth.decode(r, r.size(), $undefined, q + 1, m.auth);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return BuildRequest;
            })();

            v1.BuildOutput = (function() {

                var BuildOutput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                BuildOutput.prototype.text = null;
                BuildOutput.prototype.imageId = null;

                var $oneOfFields;

                $Object.defineProperty(BuildOutput.prototype, "output", {
                    get: $util.oneOfGetter($oneOfFields = ["text", "imageId"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                BuildOutput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.text != null && $Object.hasOwnProperty.call(m, "text"))
                        w.uint32(10).string(m.text);
                    if (m.imageId != null && $Object.hasOwnProperty.call(m, "imageId"))
                        w.uint32(18).string(m.imageId);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                BuildOutput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.BuildOutput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.text = r.stringVerify();
                                m.output = "text";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.imageId = r.stringVerify();
                                m.output = "imageId";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return BuildOutput;
            })();

            v1.ListImagesRequest = (function() {

                var ListImagesRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ListImagesRequest.prototype.all = false;
                ListImagesRequest.prototype.reference = "";

                ListImagesRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.all != null && $Object.hasOwnProperty.call(m, "all") && m.all !== false)
                        w.uint32(8).bool(m.all);
                    if (m.reference != null && $Object.hasOwnProperty.call(m, "reference") && m.reference !== "")
                        w.uint32(18).string(m.reference);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ListImagesRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ListImagesRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.all = v;
                                else
                                    delete m.all;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.reference = v;
                                else
                                    delete m.reference;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ListImagesRequest;
            })();

            v1.ImageSummary = (function() {

                var ImageSummary = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImageSummary.prototype.repository = "";
                ImageSummary.prototype.tag = "";
                ImageSummary.prototype.id = "";
                ImageSummary.prototype.digest = "";
                ImageSummary.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ImageSummary.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                ImageSummary.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.repository != null && $Object.hasOwnProperty.call(m, "repository") && m.repository !== "")
                        w.uint32(10).string(m.repository);
                    if (m.tag != null && $Object.hasOwnProperty.call(m, "tag") && m.tag !== "")
                        w.uint32(18).string(m.tag);
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(26).string(m.id);
                    if (m.digest != null && $Object.hasOwnProperty.call(m, "digest") && m.digest !== "")
                        w.uint32(34).string(m.digest);
                    if (m.createdMs != null && $Object.hasOwnProperty.call(m, "createdMs") && (typeof m.createdMs === "object" ? m.createdMs.low || m.createdMs.high : m.createdMs !== 0))
                        w.uint32(40).int64(m.createdMs);
                    if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                        w.uint32(48).int64(m.size);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImageSummary.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImageSummary();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.repository = v;
                                else
                                    delete m.repository;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.tag = v;
                                else
                                    delete m.tag;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.digest = v;
                                else
                                    delete m.digest;
                                continue;
                            }
                        case 5: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.createdMs = v;
                                else
                                    delete m.createdMs;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.size = v;
                                else
                                    delete m.size;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImageSummary;
            })();

            v1.ImageList = (function() {

                var ImageList = function (p) {
                    this.images = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImageList.prototype.images = $util.emptyArray;

                ImageList.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.images != null && m.images.length) {
                        for (var i = 0; i < m.images.length; ++i)
                            $root.berth.engine.v1.ImageSummary.encode(m.images[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImageList.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImageList();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.images && m.images.length))
                                    m.images = [];
                                m.images.push($root.berth.engine.v1.ImageSummary.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImageList;
            })();

            v1.HistoryRow = (function() {

                var HistoryRow = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                HistoryRow.prototype.id = "";
                HistoryRow.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                HistoryRow.prototype.createdBy = "";
                HistoryRow.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                HistoryRow.prototype.comment = "";

                HistoryRow.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.createdMs != null && $Object.hasOwnProperty.call(m, "createdMs") && (typeof m.createdMs === "object" ? m.createdMs.low || m.createdMs.high : m.createdMs !== 0))
                        w.uint32(16).int64(m.createdMs);
                    if (m.createdBy != null && $Object.hasOwnProperty.call(m, "createdBy") && m.createdBy !== "")
                        w.uint32(26).string(m.createdBy);
                    if (m.size != null && $Object.hasOwnProperty.call(m, "size") && (typeof m.size === "object" ? m.size.low || m.size.high : m.size !== 0))
                        w.uint32(32).int64(m.size);
                    if (m.comment != null && $Object.hasOwnProperty.call(m, "comment") && m.comment !== "")
                        w.uint32(42).string(m.comment);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                HistoryRow.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.HistoryRow();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.createdMs = v;
                                else
                                    delete m.createdMs;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.createdBy = v;
                                else
                                    delete m.createdBy;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.size = v;
                                else
                                    delete m.size;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.comment = v;
                                else
                                    delete m.comment;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return HistoryRow;
            })();

            v1.HistoryResponse = (function() {

                var HistoryResponse = function (p) {
                    this.rows = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                HistoryResponse.prototype.rows = $util.emptyArray;

                HistoryResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.rows != null && m.rows.length) {
                        for (var i = 0; i < m.rows.length; ++i)
                            $root.berth.engine.v1.HistoryRow.encode(m.rows[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                HistoryResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.HistoryResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.rows && m.rows.length))
                                    m.rows = [];
                                m.rows.push($root.berth.engine.v1.HistoryRow.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return HistoryResponse;
            })();

            v1.TagRequest = (function() {

                var TagRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                TagRequest.prototype.source = "";
                TagRequest.prototype.target = "";

                TagRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.source != null && $Object.hasOwnProperty.call(m, "source") && m.source !== "")
                        w.uint32(10).string(m.source);
                    if (m.target != null && $Object.hasOwnProperty.call(m, "target") && m.target !== "")
                        w.uint32(18).string(m.target);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                TagRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.TagRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.source = v;
                                else
                                    delete m.source;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.target = v;
                                else
                                    delete m.target;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return TagRequest;
            })();

            v1.RemoveImageRequest = (function() {

                var RemoveImageRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RemoveImageRequest.prototype.name = "";
                RemoveImageRequest.prototype.force = false;

                RemoveImageRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.force != null && $Object.hasOwnProperty.call(m, "force") && m.force !== false)
                        w.uint32(16).bool(m.force);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RemoveImageRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RemoveImageRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.force = v;
                                else
                                    delete m.force;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RemoveImageRequest;
            })();

            v1.RemoveImageResponse = (function() {

                var RemoveImageResponse = function (p) {
                    this.untagged = [];
                    this.deleted = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RemoveImageResponse.prototype.untagged = $util.emptyArray;
                RemoveImageResponse.prototype.deleted = $util.emptyArray;

                RemoveImageResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.untagged != null && m.untagged.length) {
                        for (var i = 0; i < m.untagged.length; ++i)
                            w.uint32(10).string(m.untagged[i]);
                    }
                    if (m.deleted != null && m.deleted.length) {
                        for (var i = 0; i < m.deleted.length; ++i)
                            w.uint32(18).string(m.deleted[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RemoveImageResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RemoveImageResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.untagged && m.untagged.length))
                                    m.untagged = [];
                                m.untagged.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.deleted && m.deleted.length))
                                    m.deleted = [];
                                m.deleted.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RemoveImageResponse;
            })();

            v1.PruneImagesRequest = (function() {

                var PruneImagesRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                PruneImagesRequest.prototype.all = false;

                PruneImagesRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.all != null && $Object.hasOwnProperty.call(m, "all") && m.all !== false)
                        w.uint32(8).bool(m.all);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                PruneImagesRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.PruneImagesRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.all = v;
                                else
                                    delete m.all;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return PruneImagesRequest;
            })();

            v1.SaveRequest = (function() {

                var SaveRequest = function (p) {
                    this.names = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                SaveRequest.prototype.names = $util.emptyArray;
                SaveRequest.prototype.format = "";

                SaveRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.names != null && m.names.length) {
                        for (var i = 0; i < m.names.length; ++i)
                            w.uint32(10).string(m.names[i]);
                    }
                    if (m.format != null && $Object.hasOwnProperty.call(m, "format") && m.format !== "")
                        w.uint32(18).string(m.format);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                SaveRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.SaveRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.names && m.names.length))
                                    m.names = [];
                                m.names.push(r.stringVerify());
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.format = v;
                                else
                                    delete m.format;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return SaveRequest;
            })();

            v1.LoadResponse = (function() {

                var LoadResponse = function (p) {
                    this.loaded = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                LoadResponse.prototype.loaded = $util.emptyArray;

                LoadResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.loaded != null && m.loaded.length) {
                        for (var i = 0; i < m.loaded.length; ++i)
                            w.uint32(10).string(m.loaded[i]);
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                LoadResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.LoadResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.loaded && m.loaded.length))
                                    m.loaded = [];
                                m.loaded.push(r.stringVerify());
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return LoadResponse;
            })();

            v1.ImportInput = (function() {

                var ImportInput = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImportInput.prototype.options = null;
                ImportInput.prototype.data = null;

                var $oneOfFields;

                $Object.defineProperty(ImportInput.prototype, "input", {
                    get: $util.oneOfGetter($oneOfFields = ["options", "data"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                ImportInput.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.options != null && $Object.hasOwnProperty.call(m, "options"))
                        $root.berth.engine.v1.ImportOptions.encode(m.options, w.uint32(10).fork(), q + 1).ldelim();
                    if (m.data != null && $Object.hasOwnProperty.call(m, "data"))
                        w.uint32(18).bytes(m.data);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImportInput.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImportInput();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                m.options = $root.berth.engine.v1.ImportOptions.decode(r, r.size(), $undefined, q + 1, m.options);
                                m.input = "options";
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.data = r.bytes();
                                m.input = "data";
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImportInput;
            })();

            v1.ImportOptions = (function() {

                var ImportOptions = function (p) {
                    this.changes = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ImportOptions.prototype.reference = "";
                ImportOptions.prototype.changes = $util.emptyArray;
                ImportOptions.prototype.message = "";

                ImportOptions.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.reference != null && $Object.hasOwnProperty.call(m, "reference") && m.reference !== "")
                        w.uint32(10).string(m.reference);
                    if (m.changes != null && m.changes.length) {
                        for (var i = 0; i < m.changes.length; ++i)
                            w.uint32(18).string(m.changes[i]);
                    }
                    if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                        w.uint32(26).string(m.message);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ImportOptions.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ImportOptions();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.reference = v;
                                else
                                    delete m.reference;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (!(m.changes && m.changes.length))
                                    m.changes = [];
                                m.changes.push(r.stringVerify());
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.message = v;
                                else
                                    delete m.message;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ImportOptions;
            })();

            v1.LoginRequest = (function() {

                var LoginRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                LoginRequest.prototype.server = "";
                LoginRequest.prototype.auth = null;

                LoginRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.server != null && $Object.hasOwnProperty.call(m, "server") && m.server !== "")
                        w.uint32(10).string(m.server);
                    if (m.auth != null && $Object.hasOwnProperty.call(m, "auth"))
                        $root.berth.engine.v1.RegistryAuth.encode(m.auth, w.uint32(18).fork(), q + 1).ldelim();
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                LoginRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.LoginRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.server = v;
                                else
                                    delete m.server;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                m.auth = $root.berth.engine.v1.RegistryAuth.decode(r, r.size(), $undefined, q + 1, m.auth);
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return LoginRequest;
            })();

            v1.CreateVolumeRequest = (function() {

                var CreateVolumeRequest = function (p) {
                    this.labels = {};
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CreateVolumeRequest.prototype.name = "";
                CreateVolumeRequest.prototype.labels = $util.emptyObject;
                CreateVolumeRequest.prototype.driver = "";

                CreateVolumeRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                        for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                            w.uint32(18).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                        }
                    }
                    if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                        w.uint32(26).string(m.driver);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CreateVolumeRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CreateVolumeRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if (m.labels === $util.emptyObject)
                                    m.labels = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.labels, k);
                                m.labels[k] = v;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.driver = v;
                                else
                                    delete m.driver;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CreateVolumeRequest;
            })();

            v1.VolumeSummary = (function() {

                var VolumeSummary = function (p) {
                    this.labels = {};
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                VolumeSummary.prototype.name = "";
                VolumeSummary.prototype.driver = "";
                VolumeSummary.prototype.mountpoint = "";
                VolumeSummary.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VolumeSummary.prototype.labels = $util.emptyObject;

                VolumeSummary.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                        w.uint32(18).string(m.driver);
                    if (m.mountpoint != null && $Object.hasOwnProperty.call(m, "mountpoint") && m.mountpoint !== "")
                        w.uint32(26).string(m.mountpoint);
                    if (m.createdMs != null && $Object.hasOwnProperty.call(m, "createdMs") && (typeof m.createdMs === "object" ? m.createdMs.low || m.createdMs.high : m.createdMs !== 0))
                        w.uint32(32).int64(m.createdMs);
                    if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                        for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                            w.uint32(42).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                        }
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                VolumeSummary.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.VolumeSummary();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.driver = v;
                                else
                                    delete m.driver;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.mountpoint = v;
                                else
                                    delete m.mountpoint;
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.createdMs = v;
                                else
                                    delete m.createdMs;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if (m.labels === $util.emptyObject)
                                    m.labels = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.labels, k);
                                m.labels[k] = v;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return VolumeSummary;
            })();

            v1.VolumeList = (function() {

                var VolumeList = function (p) {
                    this.volumes = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                VolumeList.prototype.volumes = $util.emptyArray;

                VolumeList.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.volumes != null && m.volumes.length) {
                        for (var i = 0; i < m.volumes.length; ++i)
                            $root.berth.engine.v1.VolumeSummary.encode(m.volumes[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                VolumeList.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.VolumeList();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.volumes && m.volumes.length))
                                    m.volumes = [];
                                m.volumes.push($root.berth.engine.v1.VolumeSummary.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return VolumeList;
            })();

            v1.RemoveVolumeRequest = (function() {

                var RemoveVolumeRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                RemoveVolumeRequest.prototype.name = "";
                RemoveVolumeRequest.prototype.force = false;

                RemoveVolumeRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.force != null && $Object.hasOwnProperty.call(m, "force") && m.force !== false)
                        w.uint32(16).bool(m.force);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                RemoveVolumeRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.RemoveVolumeRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.force = v;
                                else
                                    delete m.force;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return RemoveVolumeRequest;
            })();

            v1.CreateNetworkRequest = (function() {

                var CreateNetworkRequest = function (p) {
                    this.labels = {};
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                CreateNetworkRequest.prototype.name = "";
                CreateNetworkRequest.prototype.driver = "";
                CreateNetworkRequest.prototype.subnet = "";
                CreateNetworkRequest.prototype.gateway = "";
                CreateNetworkRequest.prototype.labels = $util.emptyObject;
                CreateNetworkRequest.prototype.internal = false;
                CreateNetworkRequest.prototype.attachable = false;

                CreateNetworkRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(10).string(m.name);
                    if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                        w.uint32(18).string(m.driver);
                    if (m.subnet != null && $Object.hasOwnProperty.call(m, "subnet") && m.subnet !== "")
                        w.uint32(26).string(m.subnet);
                    if (m.gateway != null && $Object.hasOwnProperty.call(m, "gateway") && m.gateway !== "")
                        w.uint32(34).string(m.gateway);
                    if (m.labels != null && $Object.hasOwnProperty.call(m, "labels")) {
                        for (var ks = $Object.keys(m.labels), i = 0; i < ks.length; ++i) {
                            w.uint32(42).fork().uint32(10).string(ks[i]).uint32(18).string(m.labels[ks[i]]).ldelim();
                        }
                    }
                    if (m.internal != null && $Object.hasOwnProperty.call(m, "internal") && m.internal !== false)
                        w.uint32(48).bool(m.internal);
                    if (m.attachable != null && $Object.hasOwnProperty.call(m, "attachable") && m.attachable !== false)
                        w.uint32(56).bool(m.attachable);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                CreateNetworkRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, k, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.CreateNetworkRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.driver = v;
                                else
                                    delete m.driver;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.subnet = v;
                                else
                                    delete m.subnet;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.gateway = v;
                                else
                                    delete m.gateway;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if (m.labels === $util.emptyObject)
                                    m.labels = {};
                                var c2 = r.size() + r.pos;
                                if (c2 > r.len)
                                    throw $RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                v = "";
                                while (r.pos < c2) {
                                    var t2 = r.tag();
                                    u = t2 & 7;
                                    switch (t2 >>>= 3) {
                                    case 1:
                                        if (u !== 2)
                                            break;
                                        k = r.stringVerify();
                                        continue;
                                    case 2:
                                        if (u !== 2)
                                            break;
                                        v = r.stringVerify();
                                        continue;
                                    }
                                    r.skipType(u, q, t2);
                                }
                                if (r.pos !== c2)
                                    throw $RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.labels, k);
                                m.labels[k] = v;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.internal = v;
                                else
                                    delete m.internal;
                                continue;
                            }
                        case 7: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.attachable = v;
                                else
                                    delete m.attachable;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return CreateNetworkRequest;
            })();

            v1.NetworkSummary = (function() {

                var NetworkSummary = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                NetworkSummary.prototype.id = "";
                NetworkSummary.prototype.name = "";
                NetworkSummary.prototype.driver = "";
                NetworkSummary.prototype.scope = "";
                NetworkSummary.prototype.subnet = "";
                NetworkSummary.prototype.createdMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                NetworkSummary.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                        w.uint32(10).string(m.id);
                    if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                        w.uint32(18).string(m.name);
                    if (m.driver != null && $Object.hasOwnProperty.call(m, "driver") && m.driver !== "")
                        w.uint32(26).string(m.driver);
                    if (m.scope != null && $Object.hasOwnProperty.call(m, "scope") && m.scope !== "")
                        w.uint32(34).string(m.scope);
                    if (m.subnet != null && $Object.hasOwnProperty.call(m, "subnet") && m.subnet !== "")
                        w.uint32(42).string(m.subnet);
                    if (m.createdMs != null && $Object.hasOwnProperty.call(m, "createdMs") && (typeof m.createdMs === "object" ? m.createdMs.low || m.createdMs.high : m.createdMs !== 0))
                        w.uint32(48).int64(m.createdMs);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                NetworkSummary.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.NetworkSummary();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.id = v;
                                else
                                    delete m.id;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.name = v;
                                else
                                    delete m.name;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.driver = v;
                                else
                                    delete m.driver;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.scope = v;
                                else
                                    delete m.scope;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.subnet = v;
                                else
                                    delete m.subnet;
                                continue;
                            }
                        case 6: {
                                if (u !== 0)
                                    break;
                                if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                    m.createdMs = v;
                                else
                                    delete m.createdMs;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return NetworkSummary;
            })();

            v1.NetworkList = (function() {

                var NetworkList = function (p) {
                    this.networks = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                NetworkList.prototype.networks = $util.emptyArray;

                NetworkList.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.networks != null && m.networks.length) {
                        for (var i = 0; i < m.networks.length; ++i)
                            $root.berth.engine.v1.NetworkSummary.encode(m.networks[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                NetworkList.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.NetworkList();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if (!(m.networks && m.networks.length))
                                    m.networks = [];
                                m.networks.push($root.berth.engine.v1.NetworkSummary.decode(r, r.size(), $undefined, q + 1));
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return NetworkList;
            })();

            v1.ConnectRequest = (function() {

                var ConnectRequest = function (p) {
                    this.aliases = [];
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                ConnectRequest.prototype.network = "";
                ConnectRequest.prototype.container = "";
                ConnectRequest.prototype.aliases = $util.emptyArray;
                ConnectRequest.prototype.force = false;

                ConnectRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.network != null && $Object.hasOwnProperty.call(m, "network") && m.network !== "")
                        w.uint32(10).string(m.network);
                    if (m.container != null && $Object.hasOwnProperty.call(m, "container") && m.container !== "")
                        w.uint32(18).string(m.container);
                    if (m.aliases != null && m.aliases.length) {
                        for (var i = 0; i < m.aliases.length; ++i)
                            w.uint32(26).string(m.aliases[i]);
                    }
                    if (m.force != null && $Object.hasOwnProperty.call(m, "force") && m.force !== false)
                        w.uint32(32).bool(m.force);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                ConnectRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.ConnectRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.network = v;
                                else
                                    delete m.network;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.container = v;
                                else
                                    delete m.container;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if (!(m.aliases && m.aliases.length))
                                    m.aliases = [];
                                m.aliases.push(r.stringVerify());
                                continue;
                            }
                        case 4: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.force = v;
                                else
                                    delete m.force;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return ConnectRequest;
            })();

            v1.InitClusterRequest = (function() {

                var InitClusterRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                InitClusterRequest.prototype.advertiseAddr = "";

                InitClusterRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.advertiseAddr != null && $Object.hasOwnProperty.call(m, "advertiseAddr") && m.advertiseAddr !== "")
                        w.uint32(10).string(m.advertiseAddr);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                InitClusterRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.InitClusterRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.advertiseAddr = v;
                                else
                                    delete m.advertiseAddr;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return InitClusterRequest;
            })();

            v1.InitClusterResponse = (function() {

                var InitClusterResponse = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                InitClusterResponse.prototype.clusterId = "";
                InitClusterResponse.prototype.nodeId = "";
                InitClusterResponse.prototype.workerToken = "";
                InitClusterResponse.prototype.managerToken = "";
                InitClusterResponse.prototype.managerAddr = "";
                InitClusterResponse.prototype.caPem = "";
                InitClusterResponse.prototype.certPem = "";
                InitClusterResponse.prototype.keyPem = "";

                InitClusterResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.clusterId != null && $Object.hasOwnProperty.call(m, "clusterId") && m.clusterId !== "")
                        w.uint32(10).string(m.clusterId);
                    if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                        w.uint32(18).string(m.nodeId);
                    if (m.workerToken != null && $Object.hasOwnProperty.call(m, "workerToken") && m.workerToken !== "")
                        w.uint32(26).string(m.workerToken);
                    if (m.managerToken != null && $Object.hasOwnProperty.call(m, "managerToken") && m.managerToken !== "")
                        w.uint32(34).string(m.managerToken);
                    if (m.managerAddr != null && $Object.hasOwnProperty.call(m, "managerAddr") && m.managerAddr !== "")
                        w.uint32(42).string(m.managerAddr);
                    if (m.caPem != null && $Object.hasOwnProperty.call(m, "caPem") && m.caPem !== "")
                        w.uint32(50).string(m.caPem);
                    if (m.certPem != null && $Object.hasOwnProperty.call(m, "certPem") && m.certPem !== "")
                        w.uint32(58).string(m.certPem);
                    if (m.keyPem != null && $Object.hasOwnProperty.call(m, "keyPem") && m.keyPem !== "")
                        w.uint32(66).string(m.keyPem);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                InitClusterResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.InitClusterResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.clusterId = v;
                                else
                                    delete m.clusterId;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.nodeId = v;
                                else
                                    delete m.nodeId;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.workerToken = v;
                                else
                                    delete m.workerToken;
                                continue;
                            }
                        case 4: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.managerToken = v;
                                else
                                    delete m.managerToken;
                                continue;
                            }
                        case 5: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.managerAddr = v;
                                else
                                    delete m.managerAddr;
                                continue;
                            }
                        case 6: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.caPem = v;
                                else
                                    delete m.caPem;
                                continue;
                            }
                        case 7: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.certPem = v;
                                else
                                    delete m.certPem;
                                continue;
                            }
                        case 8: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.keyPem = v;
                                else
                                    delete m.keyPem;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return InitClusterResponse;
            })();

            v1.JoinClusterRequest = (function() {

                var JoinClusterRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                JoinClusterRequest.prototype.managerAddr = "";
                JoinClusterRequest.prototype.token = "";

                JoinClusterRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.managerAddr != null && $Object.hasOwnProperty.call(m, "managerAddr") && m.managerAddr !== "")
                        w.uint32(10).string(m.managerAddr);
                    if (m.token != null && $Object.hasOwnProperty.call(m, "token") && m.token !== "")
                        w.uint32(18).string(m.token);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                JoinClusterRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.JoinClusterRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.managerAddr = v;
                                else
                                    delete m.managerAddr;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.token = v;
                                else
                                    delete m.token;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return JoinClusterRequest;
            })();

            v1.JoinClusterResponse = (function() {

                var JoinClusterResponse = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                JoinClusterResponse.prototype.nodeId = "";
                JoinClusterResponse.prototype.role = "";
                JoinClusterResponse.prototype.clusterId = "";

                JoinClusterResponse.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.nodeId != null && $Object.hasOwnProperty.call(m, "nodeId") && m.nodeId !== "")
                        w.uint32(10).string(m.nodeId);
                    if (m.role != null && $Object.hasOwnProperty.call(m, "role") && m.role !== "")
                        w.uint32(18).string(m.role);
                    if (m.clusterId != null && $Object.hasOwnProperty.call(m, "clusterId") && m.clusterId !== "")
                        w.uint32(26).string(m.clusterId);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                JoinClusterResponse.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.JoinClusterResponse();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.nodeId = v;
                                else
                                    delete m.nodeId;
                                continue;
                            }
                        case 2: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.role = v;
                                else
                                    delete m.role;
                                continue;
                            }
                        case 3: {
                                if (u !== 2)
                                    break;
                                if ((v = r.stringVerify()).length)
                                    m.clusterId = v;
                                else
                                    delete m.clusterId;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return JoinClusterResponse;
            })();

            v1.LeaveClusterRequest = (function() {

                var LeaveClusterRequest = function (p) {
                    if (p)
                        for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                };

                LeaveClusterRequest.prototype.force = false;

                LeaveClusterRequest.encode = function (m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === $undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (m.force != null && $Object.hasOwnProperty.call(m, "force") && m.force !== false)
                        w.uint32(8).bool(m.force);
                    if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                        for (var i = 0; i < m.$unknowns.length; ++i)
                            w.raw(m.$unknowns[i]);
                    return w;
                };

                LeaveClusterRequest.decode = function (r, l, z, q, g) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (q === $undefined)
                        q = 0;
                    if (q > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var c, m, v;
                    if (l === $undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw $RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = g || new $root.berth.engine.v1.LeaveClusterRequest();
                    while (r.pos < c) {
                        var s = r.pos;
                        var t = r.tag();
                        if (t === z) {
                            z = $undefined;
                            break;
                        }
                        var u = t & 7;
                        switch (t >>>= 3) {
                        case 1: {
                                if (u !== 0)
                                    break;
                                if (v = r.bool())
                                    m.force = v;
                                else
                                    delete m.force;
                                continue;
                            }
                        }
                        r.skipType(u, q, t);
                        if (!r.discardUnknown) {
                            $util.makeProp(m, "$unknowns", false);
                            (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                        }
                    }
                    if (l !== $undefined) {
                        if (r.pos !== c)
                            throw $RangeError("index out of range");
                        r.len = l;
                    }
                    if (z !== $undefined)
                        throw $Error("missing end group");
                    return m;
                };

                return LeaveClusterRequest;
            })();

            return v1;
        })();

        return engine;
    })();

    return berth;
})();

module.exports = $root;
