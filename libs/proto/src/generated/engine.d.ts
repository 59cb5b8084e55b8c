import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace berth. */
export namespace berth {

    /** Namespace engine. */
    namespace engine {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of an Empty.
             * @deprecated Use berth.engine.v1.Empty.$Properties instead.
             */
            interface IEmpty extends berth.engine.v1.Empty.$Properties {
            }

            /** Represents an Empty. */
            class Empty {

                /**
                 * Constructs a new Empty.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.Empty.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified Empty message. Does not implicitly {@link berth.engine.v1.Empty.verify|verify} messages.
                 * @param message Empty message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Empty message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.Empty & berth.engine.v1.Empty.$Shape} Empty
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.Empty & berth.engine.v1.Empty.$Shape;
            }

            namespace Empty {

                /** Properties of an Empty. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Empty. */
                type $Shape = berth.engine.v1.Empty.$Properties;
            }

            /**
             * Properties of a JsonDocument.
             * @deprecated Use berth.engine.v1.JsonDocument.$Properties instead.
             */
            interface IJsonDocument extends berth.engine.v1.JsonDocument.$Properties {
            }

            /** Represents a JsonDocument. */
            class JsonDocument {

                /**
                 * Constructs a new JsonDocument.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.JsonDocument.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JsonDocument json. */
                json: string;

                /**
                 * Encodes the specified JsonDocument message. Does not implicitly {@link berth.engine.v1.JsonDocument.verify|verify} messages.
                 * @param message JsonDocument message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.JsonDocument.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JsonDocument message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.JsonDocument & berth.engine.v1.JsonDocument.$Shape} JsonDocument
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.JsonDocument & berth.engine.v1.JsonDocument.$Shape;
            }

            namespace JsonDocument {

                /** Properties of a JsonDocument. */
                interface $Properties {

                    /** JsonDocument json */
                    json?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JsonDocument. */
                type $Shape = berth.engine.v1.JsonDocument.$Properties;
            }

            /**
             * Properties of a NameRef.
             * @deprecated Use berth.engine.v1.NameRef.$Properties instead.
             */
            interface INameRef extends berth.engine.v1.NameRef.$Properties {
            }

            /** Represents a NameRef. */
            class NameRef {

                /**
                 * Constructs a new NameRef.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.NameRef.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** NameRef name. */
                name: string;

                /**
                 * Encodes the specified NameRef message. Does not implicitly {@link berth.engine.v1.NameRef.verify|verify} messages.
                 * @param message NameRef message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.NameRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a NameRef message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.NameRef & berth.engine.v1.NameRef.$Shape} NameRef
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.NameRef & berth.engine.v1.NameRef.$Shape;
            }

            namespace NameRef {

                /** Properties of a NameRef. */
                interface $Properties {

                    /** NameRef name */
                    name?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a NameRef. */
                type $Shape = berth.engine.v1.NameRef.$Properties;
            }

            /**
             * Properties of a DataChunk.
             * @deprecated Use berth.engine.v1.DataChunk.$Properties instead.
             */
            interface IDataChunk extends berth.engine.v1.DataChunk.$Properties {
            }

            /** Represents a DataChunk. */
            class DataChunk {

                /**
                 * Constructs a new DataChunk.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.DataChunk.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DataChunk data. */
                data: Uint8Array;

                /**
                 * Encodes the specified DataChunk message. Does not implicitly {@link berth.engine.v1.DataChunk.verify|verify} messages.
                 * @param message DataChunk message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.DataChunk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DataChunk message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.DataChunk & berth.engine.v1.DataChunk.$Shape} DataChunk
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.DataChunk & berth.engine.v1.DataChunk.$Shape;
            }

            namespace DataChunk {

                /** Properties of a DataChunk. */
                interface $Properties {

                    /** DataChunk data */
                    data?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DataChunk. */
                type $Shape = berth.engine.v1.DataChunk.$Properties;
            }

            /**
             * Properties of a VersionInfo.
             * @deprecated Use berth.engine.v1.VersionInfo.$Properties instead.
             */
            interface IVersionInfo extends berth.engine.v1.VersionInfo.$Properties {
            }

            /** Represents a VersionInfo. */
            class VersionInfo {

                /**
                 * Constructs a new VersionInfo.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.VersionInfo.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VersionInfo version. */
                version: string;

                /** VersionInfo apiVersion. */
                apiVersion: string;

                /** VersionInfo os. */
                os: string;

                /** VersionInfo arch. */
                arch: string;

                /** VersionInfo kernel. */
                kernel: string;

                /** VersionInfo cgroupMode. */
                cgroupMode: string;

                /** VersionInfo nodeVersion. */
                nodeVersion: string;

                /**
                 * Encodes the specified VersionInfo message. Does not implicitly {@link berth.engine.v1.VersionInfo.verify|verify} messages.
                 * @param message VersionInfo message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.VersionInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VersionInfo message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.VersionInfo & berth.engine.v1.VersionInfo.$Shape} VersionInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.VersionInfo & berth.engine.v1.VersionInfo.$Shape;
            }

            namespace VersionInfo {

                /** Properties of a VersionInfo. */
                interface $Properties {

                    /** VersionInfo version */
                    version?: (string|null);

                    /** VersionInfo apiVersion */
                    apiVersion?: (string|null);

                    /** VersionInfo os */
                    os?: (string|null);

                    /** VersionInfo arch */
                    arch?: (string|null);

                    /** VersionInfo kernel */
                    kernel?: (string|null);

                    /** VersionInfo cgroupMode */
                    cgroupMode?: (string|null);

                    /** VersionInfo nodeVersion */
                    nodeVersion?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VersionInfo. */
                type $Shape = berth.engine.v1.VersionInfo.$Properties;
            }

            /**
             * Properties of an EventsRequest.
             * @deprecated Use berth.engine.v1.EventsRequest.$Properties instead.
             */
            interface IEventsRequest extends berth.engine.v1.EventsRequest.$Properties {
            }

            /** Represents an EventsRequest. */
            class EventsRequest {

                /**
                 * Constructs a new EventsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.EventsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** EventsRequest sinceMs. */
                sinceMs: number;

                /** EventsRequest untilMs. */
                untilMs: number;

                /** EventsRequest filters. */
                filters: string[];

                /**
                 * Encodes the specified EventsRequest message. Does not implicitly {@link berth.engine.v1.EventsRequest.verify|verify} messages.
                 * @param message EventsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.EventsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EventsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.EventsRequest & berth.engine.v1.EventsRequest.$Shape} EventsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.EventsRequest & berth.engine.v1.EventsRequest.$Shape;
            }

            namespace EventsRequest {

                /** Properties of an EventsRequest. */
                interface $Properties {

                    /** EventsRequest sinceMs */
                    sinceMs?: (number|null);

                    /** EventsRequest untilMs */
                    untilMs?: (number|null);

                    /** EventsRequest filters */
                    filters?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an EventsRequest. */
                type $Shape = berth.engine.v1.EventsRequest.$Properties;
            }

            /**
             * Properties of an Event.
             * @deprecated Use berth.engine.v1.Event.$Properties instead.
             */
            interface IEvent extends berth.engine.v1.Event.$Properties {
            }

            /** Represents an Event. */
            class Event {

                /**
                 * Constructs a new Event.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.Event.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Event type. */
                type: string;

                /** Event action. */
                action: string;

                /** Event id. */
                id: string;

                /** Event attributes. */
                attributes: { [k: string]: string };

                /** Event timeNano. */
                timeNano: number;

                /**
                 * Encodes the specified Event message. Does not implicitly {@link berth.engine.v1.Event.verify|verify} messages.
                 * @param message Event message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Event message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.Event & berth.engine.v1.Event.$Shape} Event
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.Event & berth.engine.v1.Event.$Shape;
            }

            namespace Event {

                /** Properties of an Event. */
                interface $Properties {

                    /** Event type */
                    type?: (string|null);

                    /** Event action */
                    action?: (string|null);

                    /** Event id */
                    id?: (string|null);

                    /** Event attributes */
                    attributes?: ({ [k: string]: string }|null);

                    /** Event timeNano */
                    timeNano?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Event. */
                type $Shape = berth.engine.v1.Event.$Properties;
            }

            /**
             * Properties of a SystemPruneRequest.
             * @deprecated Use berth.engine.v1.SystemPruneRequest.$Properties instead.
             */
            interface ISystemPruneRequest extends berth.engine.v1.SystemPruneRequest.$Properties {
            }

            /** Represents a SystemPruneRequest. */
            class SystemPruneRequest {

                /**
                 * Constructs a new SystemPruneRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.SystemPruneRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SystemPruneRequest all. */
                all: boolean;

                /** SystemPruneRequest volumes. */
                volumes: boolean;

                /**
                 * Encodes the specified SystemPruneRequest message. Does not implicitly {@link berth.engine.v1.SystemPruneRequest.verify|verify} messages.
                 * @param message SystemPruneRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.SystemPruneRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SystemPruneRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.SystemPruneRequest & berth.engine.v1.SystemPruneRequest.$Shape} SystemPruneRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.SystemPruneRequest & berth.engine.v1.SystemPruneRequest.$Shape;
            }

            namespace SystemPruneRequest {

                /** Properties of a SystemPruneRequest. */
                interface $Properties {

                    /** SystemPruneRequest all */
                    all?: (boolean|null);

                    /** SystemPruneRequest volumes */
                    volumes?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SystemPruneRequest. */
                type $Shape = berth.engine.v1.SystemPruneRequest.$Properties;
            }

            /**
             * Properties of a PruneReport.
             * @deprecated Use berth.engine.v1.PruneReport.$Properties instead.
             */
            interface IPruneReport extends berth.engine.v1.PruneReport.$Properties {
            }

            /** Represents a PruneReport. */
            class PruneReport {

                /**
                 * Constructs a new PruneReport.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.PruneReport.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PruneReport deleted. */
                deleted: string[];

                /** PruneReport reclaimedBytes. */
                reclaimedBytes: number;

                /**
                 * Encodes the specified PruneReport message. Does not implicitly {@link berth.engine.v1.PruneReport.verify|verify} messages.
                 * @param message PruneReport message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.PruneReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PruneReport message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.PruneReport & berth.engine.v1.PruneReport.$Shape} PruneReport
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.PruneReport & berth.engine.v1.PruneReport.$Shape;
            }

            namespace PruneReport {

                /** Properties of a PruneReport. */
                interface $Properties {

                    /** PruneReport deleted */
                    deleted?: (string[]|null);

                    /** PruneReport reclaimedBytes */
                    reclaimedBytes?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PruneReport. */
                type $Shape = berth.engine.v1.PruneReport.$Properties;
            }

            /**
             * Properties of a ContainerRef.
             * @deprecated Use berth.engine.v1.ContainerRef.$Properties instead.
             */
            interface IContainerRef extends berth.engine.v1.ContainerRef.$Properties {
            }

            /** Represents a ContainerRef. */
            class ContainerRef {

                /**
                 * Constructs a new ContainerRef.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ContainerRef.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ContainerRef id. */
                id: string;

                /**
                 * Encodes the specified ContainerRef message. Does not implicitly {@link berth.engine.v1.ContainerRef.verify|verify} messages.
                 * @param message ContainerRef message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ContainerRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ContainerRef message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ContainerRef & berth.engine.v1.ContainerRef.$Shape} ContainerRef
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ContainerRef & berth.engine.v1.ContainerRef.$Shape;
            }

            namespace ContainerRef {

                /** Properties of a ContainerRef. */
                interface $Properties {

                    /** ContainerRef id */
                    id?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ContainerRef. */
                type $Shape = berth.engine.v1.ContainerRef.$Properties;
            }

            /**
             * Properties of a PortBinding.
             * @deprecated Use berth.engine.v1.PortBinding.$Properties instead.
             */
            interface IPortBinding extends berth.engine.v1.PortBinding.$Properties {
            }

            /** Represents a PortBinding. */
            class PortBinding {

                /**
                 * Constructs a new PortBinding.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.PortBinding.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PortBinding hostIp. */
                hostIp: string;

                /** PortBinding hostPort. */
                hostPort: number;

                /** PortBinding containerPort. */
                containerPort: number;

                /** PortBinding protocol. */
                protocol: string;

                /**
                 * Encodes the specified PortBinding message. Does not implicitly {@link berth.engine.v1.PortBinding.verify|verify} messages.
                 * @param message PortBinding message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.PortBinding.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PortBinding message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.PortBinding & berth.engine.v1.PortBinding.$Shape} PortBinding
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.PortBinding & berth.engine.v1.PortBinding.$Shape;
            }

            namespace PortBinding {

                /** Properties of a PortBinding. */
                interface $Properties {

                    /** PortBinding hostIp */
                    hostIp?: (string|null);

                    /** PortBinding hostPort */
                    hostPort?: (number|null);

                    /** PortBinding containerPort */
                    containerPort?: (number|null);

                    /** PortBinding protocol */
                    protocol?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PortBinding. */
                type $Shape = berth.engine.v1.PortBinding.$Properties;
            }

            /**
             * Properties of a Mount.
             * @deprecated Use berth.engine.v1.Mount.$Properties instead.
             */
            interface IMount extends berth.engine.v1.Mount.$Properties {
            }

            /** Represents a Mount. */
            class Mount {

                /**
                 * Constructs a new Mount.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.Mount.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Mount type. */
                type: string;

                /** Mount source. */
                source: string;

                /** Mount target. */
                target: string;

                /** Mount readOnly. */
                readOnly: boolean;

                /** Mount options. */
                options: string[];

                /** Mount createHostPath. */
                createHostPath: boolean;

                /**
                 * Encodes the specified Mount message. Does not implicitly {@link berth.engine.v1.Mount.verify|verify} messages.
                 * @param message Mount message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.Mount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Mount message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.Mount & berth.engine.v1.Mount.$Shape} Mount
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.Mount & berth.engine.v1.Mount.$Shape;
            }

            namespace Mount {

                /** Properties of a Mount. */
                interface $Properties {

                    /** Mount type */
                    type?: (string|null);

                    /** Mount source */
                    source?: (string|null);

                    /** Mount target */
                    target?: (string|null);

                    /** Mount readOnly */
                    readOnly?: (boolean|null);

                    /** Mount options */
                    options?: (string[]|null);

                    /** Mount createHostPath */
                    createHostPath?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Mount. */
                type $Shape = berth.engine.v1.Mount.$Properties;
            }

            /**
             * Properties of a RestartPolicy.
             * @deprecated Use berth.engine.v1.RestartPolicy.$Properties instead.
             */
            interface IRestartPolicy extends berth.engine.v1.RestartPolicy.$Properties {
            }

            /** Represents a RestartPolicy. */
            class RestartPolicy {

                /**
                 * Constructs a new RestartPolicy.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RestartPolicy.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RestartPolicy name. */
                name: string;

                /** RestartPolicy maximumRetryCount. */
                maximumRetryCount: number;

                /**
                 * Encodes the specified RestartPolicy message. Does not implicitly {@link berth.engine.v1.RestartPolicy.verify|verify} messages.
                 * @param message RestartPolicy message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RestartPolicy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RestartPolicy message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RestartPolicy & berth.engine.v1.RestartPolicy.$Shape} RestartPolicy
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RestartPolicy & berth.engine.v1.RestartPolicy.$Shape;
            }

            namespace RestartPolicy {

                /** Properties of a RestartPolicy. */
                interface $Properties {

                    /** RestartPolicy name */
                    name?: (string|null);

                    /** RestartPolicy maximumRetryCount */
                    maximumRetryCount?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RestartPolicy. */
                type $Shape = berth.engine.v1.RestartPolicy.$Properties;
            }

            /**
             * Properties of a Healthcheck.
             * @deprecated Use berth.engine.v1.Healthcheck.$Properties instead.
             */
            interface IHealthcheck extends berth.engine.v1.Healthcheck.$Properties {
            }

            /** Represents a Healthcheck. */
            class Healthcheck {

                /**
                 * Constructs a new Healthcheck.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.Healthcheck.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Healthcheck test. */
                test: string[];

                /** Healthcheck intervalNs. */
                intervalNs: number;

                /** Healthcheck timeoutNs. */
                timeoutNs: number;

                /** Healthcheck startPeriodNs. */
                startPeriodNs: number;

                /** Healthcheck retries. */
                retries: number;

                /** Healthcheck startIntervalNs. */
                startIntervalNs: number;

                /**
                 * Encodes the specified Healthcheck message. Does not implicitly {@link berth.engine.v1.Healthcheck.verify|verify} messages.
                 * @param message Healthcheck message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.Healthcheck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Healthcheck message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.Healthcheck & berth.engine.v1.Healthcheck.$Shape} Healthcheck
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.Healthcheck & berth.engine.v1.Healthcheck.$Shape;
            }

            namespace Healthcheck {

                /** Properties of a Healthcheck. */
                interface $Properties {

                    /** Healthcheck test */
                    test?: (string[]|null);

                    /** Healthcheck intervalNs */
                    intervalNs?: (number|null);

                    /** Healthcheck timeoutNs */
                    timeoutNs?: (number|null);

                    /** Healthcheck startPeriodNs */
                    startPeriodNs?: (number|null);

                    /** Healthcheck retries */
                    retries?: (number|null);

                    /** Healthcheck startIntervalNs */
                    startIntervalNs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Healthcheck. */
                type $Shape = berth.engine.v1.Healthcheck.$Properties;
            }

            /**
             * Properties of a ContainerSpec.
             * @deprecated Use berth.engine.v1.ContainerSpec.$Properties instead.
             */
            interface IContainerSpec extends berth.engine.v1.ContainerSpec.$Properties {
            }

            /** Represents a ContainerSpec. */
            class ContainerSpec {

                /**
                 * Constructs a new ContainerSpec.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ContainerSpec.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ContainerSpec image. */
                image: string;

                /** ContainerSpec name. */
                name: string;

                /** ContainerSpec cmd. */
                cmd: string[];

                /** ContainerSpec entrypoint. */
                entrypoint: string[];

                /** ContainerSpec entrypointSet. */
                entrypointSet: boolean;

                /** ContainerSpec env. */
                env: string[];

                /** ContainerSpec workingDir. */
                workingDir: string;

                /** ContainerSpec user. */
                user: string;

                /** ContainerSpec hostname. */
                hostname: string;

                /** ContainerSpec labels. */
                labels: { [k: string]: string };

                /** ContainerSpec tty. */
                tty: boolean;

                /** ContainerSpec openStdin. */
                openStdin: boolean;

                /** ContainerSpec network. */
                network: string;

                /** ContainerSpec networkAliases. */
                networkAliases: string[];

                /** ContainerSpec ports. */
                ports: berth.engine.v1.PortBinding.$Properties[];

                /** ContainerSpec publishAll. */
                publishAll: boolean;

                /** ContainerSpec mounts. */
                mounts: berth.engine.v1.Mount.$Properties[];

                /** ContainerSpec memoryBytes. */
                memoryBytes: number;

                /** ContainerSpec memorySwapBytes. */
                memorySwapBytes: number;

                /** ContainerSpec cpus. */
                cpus: number;

                /** ContainerSpec cpuShares. */
                cpuShares: number;

                /** ContainerSpec pidsLimit. */
                pidsLimit: number;

                /** ContainerSpec restart. */
                restart?: (berth.engine.v1.RestartPolicy.$Properties|null);

                /** ContainerSpec autoRemove. */
                autoRemove: boolean;

                /** ContainerSpec readOnly. */
                readOnly: boolean;

                /** ContainerSpec healthcheck. */
                healthcheck?: (berth.engine.v1.Healthcheck.$Properties|null);

                /** ContainerSpec noHealthcheck. */
                noHealthcheck: boolean;

                /** ContainerSpec capAdd. */
                capAdd: string[];

                /** ContainerSpec capDrop. */
                capDrop: string[];

                /** ContainerSpec stopSignal. */
                stopSignal: string;

                /** ContainerSpec stopTimeoutS. */
                stopTimeoutS: number;

                /** ContainerSpec stopTimeoutSet. */
                stopTimeoutSet: boolean;

                /** ContainerSpec extraHosts. */
                extraHosts: string[];

                /** ContainerSpec dns. */
                dns: string[];

                /** ContainerSpec init. */
                init: boolean;

                /** ContainerSpec privileged. */
                privileged: boolean;

                /** ContainerSpec sysctls. */
                sysctls: string[];

                /** ContainerSpec ulimits. */
                ulimits: string[];

                /** ContainerSpec pullMissing. */
                pullMissing: boolean;

                /** ContainerSpec auth. */
                auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                /** ContainerSpec endpoints. */
                endpoints: berth.engine.v1.EndpointSpec.$Properties[];

                /** ContainerSpec securityOpt. */
                securityOpt: string[];

                /** ContainerSpec userns. */
                userns: string;

                /**
                 * Encodes the specified ContainerSpec message. Does not implicitly {@link berth.engine.v1.ContainerSpec.verify|verify} messages.
                 * @param message ContainerSpec message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ContainerSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ContainerSpec message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ContainerSpec & berth.engine.v1.ContainerSpec.$Shape} ContainerSpec
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ContainerSpec & berth.engine.v1.ContainerSpec.$Shape;
            }

            namespace ContainerSpec {

                /** Properties of a ContainerSpec. */
                interface $Properties {

                    /** ContainerSpec image */
                    image?: (string|null);

                    /** ContainerSpec name */
                    name?: (string|null);

                    /** ContainerSpec cmd */
                    cmd?: (string[]|null);

                    /** ContainerSpec entrypoint */
                    entrypoint?: (string[]|null);

                    /** ContainerSpec entrypointSet */
                    entrypointSet?: (boolean|null);

                    /** ContainerSpec env */
                    env?: (string[]|null);

                    /** ContainerSpec workingDir */
                    workingDir?: (string|null);

                    /** ContainerSpec user */
                    user?: (string|null);

                    /** ContainerSpec hostname */
                    hostname?: (string|null);

                    /** ContainerSpec labels */
                    labels?: ({ [k: string]: string }|null);

                    /** ContainerSpec tty */
                    tty?: (boolean|null);

                    /** ContainerSpec openStdin */
                    openStdin?: (boolean|null);

                    /** ContainerSpec network */
                    network?: (string|null);

                    /** ContainerSpec networkAliases */
                    networkAliases?: (string[]|null);

                    /** ContainerSpec ports */
                    ports?: (berth.engine.v1.PortBinding.$Properties[]|null);

                    /** ContainerSpec publishAll */
                    publishAll?: (boolean|null);

                    /** ContainerSpec mounts */
                    mounts?: (berth.engine.v1.Mount.$Properties[]|null);

                    /** ContainerSpec memoryBytes */
                    memoryBytes?: (number|null);

                    /** ContainerSpec memorySwapBytes */
                    memorySwapBytes?: (number|null);

                    /** ContainerSpec cpus */
                    cpus?: (number|null);

                    /** ContainerSpec cpuShares */
                    cpuShares?: (number|null);

                    /** ContainerSpec pidsLimit */
                    pidsLimit?: (number|null);

                    /** ContainerSpec restart */
                    restart?: (berth.engine.v1.RestartPolicy.$Properties|null);

                    /** ContainerSpec autoRemove */
                    autoRemove?: (boolean|null);

                    /** ContainerSpec readOnly */
                    readOnly?: (boolean|null);

                    /** ContainerSpec healthcheck */
                    healthcheck?: (berth.engine.v1.Healthcheck.$Properties|null);

                    /** ContainerSpec noHealthcheck */
                    noHealthcheck?: (boolean|null);

                    /** ContainerSpec capAdd */
                    capAdd?: (string[]|null);

                    /** ContainerSpec capDrop */
                    capDrop?: (string[]|null);

                    /** ContainerSpec stopSignal */
                    stopSignal?: (string|null);

                    /** ContainerSpec stopTimeoutS */
                    stopTimeoutS?: (number|null);

                    /** ContainerSpec stopTimeoutSet */
                    stopTimeoutSet?: (boolean|null);

                    /** ContainerSpec extraHosts */
                    extraHosts?: (string[]|null);

                    /** ContainerSpec dns */
                    dns?: (string[]|null);

                    /** ContainerSpec init */
                    init?: (boolean|null);

                    /** ContainerSpec privileged */
                    privileged?: (boolean|null);

                    /** ContainerSpec sysctls */
                    sysctls?: (string[]|null);

                    /** ContainerSpec ulimits */
                    ulimits?: (string[]|null);

                    /** ContainerSpec pullMissing */
                    pullMissing?: (boolean|null);

                    /** ContainerSpec auth */
                    auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                    /** ContainerSpec endpoints */
                    endpoints?: (berth.engine.v1.EndpointSpec.$Properties[]|null);

                    /** ContainerSpec securityOpt */
                    securityOpt?: (string[]|null);

                    /** ContainerSpec userns */
                    userns?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ContainerSpec. */
                type $Shape = berth.engine.v1.ContainerSpec.$Properties;
            }

            /**
             * Properties of an EndpointSpec.
             * @deprecated Use berth.engine.v1.EndpointSpec.$Properties instead.
             */
            interface IEndpointSpec extends berth.engine.v1.EndpointSpec.$Properties {
            }

            /** Represents an EndpointSpec. */
            class EndpointSpec {

                /**
                 * Constructs a new EndpointSpec.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.EndpointSpec.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** EndpointSpec network. */
                network: string;

                /** EndpointSpec ipv4Address. */
                ipv4Address: string;

                /** EndpointSpec aliases. */
                aliases: string[];

                /**
                 * Encodes the specified EndpointSpec message. Does not implicitly {@link berth.engine.v1.EndpointSpec.verify|verify} messages.
                 * @param message EndpointSpec message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.EndpointSpec.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EndpointSpec message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.EndpointSpec & berth.engine.v1.EndpointSpec.$Shape} EndpointSpec
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.EndpointSpec & berth.engine.v1.EndpointSpec.$Shape;
            }

            namespace EndpointSpec {

                /** Properties of an EndpointSpec. */
                interface $Properties {

                    /** EndpointSpec network */
                    network?: (string|null);

                    /** EndpointSpec ipv4Address */
                    ipv4Address?: (string|null);

                    /** EndpointSpec aliases */
                    aliases?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an EndpointSpec. */
                type $Shape = berth.engine.v1.EndpointSpec.$Properties;
            }

            /**
             * Properties of a CreateContainerRequest.
             * @deprecated Use berth.engine.v1.CreateContainerRequest.$Properties instead.
             */
            interface ICreateContainerRequest extends berth.engine.v1.CreateContainerRequest.$Properties {
            }

            /** Represents a CreateContainerRequest. */
            class CreateContainerRequest {

                /**
                 * Constructs a new CreateContainerRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CreateContainerRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateContainerRequest spec. */
                spec?: (berth.engine.v1.ContainerSpec.$Properties|null);

                /**
                 * Encodes the specified CreateContainerRequest message. Does not implicitly {@link berth.engine.v1.CreateContainerRequest.verify|verify} messages.
                 * @param message CreateContainerRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CreateContainerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateContainerRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CreateContainerRequest & berth.engine.v1.CreateContainerRequest.$Shape} CreateContainerRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CreateContainerRequest & berth.engine.v1.CreateContainerRequest.$Shape;
            }

            namespace CreateContainerRequest {

                /** Properties of a CreateContainerRequest. */
                interface $Properties {

                    /** CreateContainerRequest spec */
                    spec?: (berth.engine.v1.ContainerSpec.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateContainerRequest. */
                type $Shape = berth.engine.v1.CreateContainerRequest.$Properties;
            }

            /**
             * Properties of a CreateContainerResponse.
             * @deprecated Use berth.engine.v1.CreateContainerResponse.$Properties instead.
             */
            interface ICreateContainerResponse extends berth.engine.v1.CreateContainerResponse.$Properties {
            }

            /** Represents a CreateContainerResponse. */
            class CreateContainerResponse {

                /**
                 * Constructs a new CreateContainerResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CreateContainerResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateContainerResponse id. */
                id: string;

                /** CreateContainerResponse warnings. */
                warnings: string[];

                /**
                 * Encodes the specified CreateContainerResponse message. Does not implicitly {@link berth.engine.v1.CreateContainerResponse.verify|verify} messages.
                 * @param message CreateContainerResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CreateContainerResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateContainerResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CreateContainerResponse & berth.engine.v1.CreateContainerResponse.$Shape} CreateContainerResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CreateContainerResponse & berth.engine.v1.CreateContainerResponse.$Shape;
            }

            namespace CreateContainerResponse {

                /** Properties of a CreateContainerResponse. */
                interface $Properties {

                    /** CreateContainerResponse id */
                    id?: (string|null);

                    /** CreateContainerResponse warnings */
                    warnings?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateContainerResponse. */
                type $Shape = berth.engine.v1.CreateContainerResponse.$Properties;
            }

            /**
             * Properties of a RunRequest.
             * @deprecated Use berth.engine.v1.RunRequest.$Properties instead.
             */
            interface IRunRequest extends berth.engine.v1.RunRequest.$Properties {
            }

            /** Represents a RunRequest. */
            class RunRequest {

                /**
                 * Constructs a new RunRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RunRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RunRequest spec. */
                spec?: (berth.engine.v1.ContainerSpec.$Properties|null);

                /** RunRequest detach. */
                detach: boolean;

                /**
                 * Encodes the specified RunRequest message. Does not implicitly {@link berth.engine.v1.RunRequest.verify|verify} messages.
                 * @param message RunRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RunRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RunRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RunRequest & berth.engine.v1.RunRequest.$Shape} RunRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RunRequest & berth.engine.v1.RunRequest.$Shape;
            }

            namespace RunRequest {

                /** Properties of a RunRequest. */
                interface $Properties {

                    /** RunRequest spec */
                    spec?: (berth.engine.v1.ContainerSpec.$Properties|null);

                    /** RunRequest detach */
                    detach?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RunRequest. */
                type $Shape = berth.engine.v1.RunRequest.$Properties;
            }

            /**
             * Properties of a RunEvent.
             * @deprecated Use berth.engine.v1.RunEvent.$Properties instead.
             */
            interface IRunEvent extends berth.engine.v1.RunEvent.$Properties {
            }

            /** Represents a RunEvent. */
            class RunEvent {

                /**
                 * Constructs a new RunEvent.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RunEvent.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RunEvent pull. */
                pull?: (berth.engine.v1.ProgressEvent.$Properties|null);

                /** RunEvent created. */
                created?: (string|null);

                /** RunEvent stdout. */
                stdout?: (Uint8Array|null);

                /** RunEvent stderr. */
                stderr?: (Uint8Array|null);

                /** RunEvent exit. */
                exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                /** RunEvent event. */
                event?: ("pull"|"created"|"stdout"|"stderr"|"exit");

                /**
                 * Encodes the specified RunEvent message. Does not implicitly {@link berth.engine.v1.RunEvent.verify|verify} messages.
                 * @param message RunEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RunEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RunEvent message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RunEvent & berth.engine.v1.RunEvent.$Shape} RunEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RunEvent & berth.engine.v1.RunEvent.$Shape;
            }

            namespace RunEvent {

                /** Properties of a RunEvent. */
                interface $Properties {

                    /** RunEvent pull */
                    pull?: (berth.engine.v1.ProgressEvent.$Properties|null);

                    /** RunEvent created */
                    created?: (string|null);

                    /** RunEvent stdout */
                    stdout?: (Uint8Array|null);

                    /** RunEvent stderr */
                    stderr?: (Uint8Array|null);

                    /** RunEvent exit */
                    exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                    /** RunEvent event */
                    event?: ("pull"|"created"|"stdout"|"stderr"|"exit");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a RunEvent. */
                type $Shape = {
                  pull?: berth.engine.v1.ProgressEvent.$Shape|null;
                  created?: string|null;
                  stdout?: Uint8Array|null;
                  stderr?: Uint8Array|null;
                  exit?: berth.engine.v1.ExitStatus.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ event?: undefined; pull?: null; created?: null; stdout?: null; stderr?: null; exit?: null }|{ event?: "pull"; pull: berth.engine.v1.ProgressEvent.$Shape; created?: null; stdout?: null; stderr?: null; exit?: null }|{ event?: "created"; pull?: null; created: string; stdout?: null; stderr?: null; exit?: null }|{ event?: "stdout"; pull?: null; created?: null; stdout: Uint8Array; stderr?: null; exit?: null }|{ event?: "stderr"; pull?: null; created?: null; stdout?: null; stderr: Uint8Array; exit?: null }|{ event?: "exit"; pull?: null; created?: null; stdout?: null; stderr?: null; exit: berth.engine.v1.ExitStatus.$Shape })
                );
            }

            /**
             * Properties of an AttachInput.
             * @deprecated Use berth.engine.v1.AttachInput.$Properties instead.
             */
            interface IAttachInput extends berth.engine.v1.AttachInput.$Properties {
            }

            /** Represents an AttachInput. */
            class AttachInput {

                /**
                 * Constructs a new AttachInput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.AttachInput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachInput start. */
                start?: (berth.engine.v1.AttachStart.$Properties|null);

                /** AttachInput stdin. */
                stdin?: (Uint8Array|null);

                /** AttachInput resize. */
                resize?: (berth.engine.v1.TerminalSize.$Properties|null);

                /** AttachInput closeStdin. */
                closeStdin?: (boolean|null);

                /** AttachInput input. */
                input?: ("start"|"stdin"|"resize"|"closeStdin");

                /**
                 * Encodes the specified AttachInput message. Does not implicitly {@link berth.engine.v1.AttachInput.verify|verify} messages.
                 * @param message AttachInput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.AttachInput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachInput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.AttachInput & berth.engine.v1.AttachInput.$Shape} AttachInput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.AttachInput & berth.engine.v1.AttachInput.$Shape;
            }

            namespace AttachInput {

                /** Properties of an AttachInput. */
                interface $Properties {

                    /** AttachInput start */
                    start?: (berth.engine.v1.AttachStart.$Properties|null);

                    /** AttachInput stdin */
                    stdin?: (Uint8Array|null);

                    /** AttachInput resize */
                    resize?: (berth.engine.v1.TerminalSize.$Properties|null);

                    /** AttachInput closeStdin */
                    closeStdin?: (boolean|null);

                    /** AttachInput input */
                    input?: ("start"|"stdin"|"resize"|"closeStdin");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an AttachInput. */
                type $Shape = {
                  start?: berth.engine.v1.AttachStart.$Shape|null;
                  stdin?: Uint8Array|null;
                  resize?: berth.engine.v1.TerminalSize.$Shape|null;
                  closeStdin?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; start?: null; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "start"; start: berth.engine.v1.AttachStart.$Shape; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "stdin"; start?: null; stdin: Uint8Array; resize?: null; closeStdin?: null }|{ input?: "resize"; start?: null; stdin?: null; resize: berth.engine.v1.TerminalSize.$Shape; closeStdin?: null }|{ input?: "closeStdin"; start?: null; stdin?: null; resize?: null; closeStdin: boolean })
                );
            }

            /**
             * Properties of an AttachStart.
             * @deprecated Use berth.engine.v1.AttachStart.$Properties instead.
             */
            interface IAttachStart extends berth.engine.v1.AttachStart.$Properties {
            }

            /** Represents an AttachStart. */
            class AttachStart {

                /**
                 * Constructs a new AttachStart.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.AttachStart.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachStart id. */
                id: string;

                /** AttachStart start. */
                start: boolean;

                /** AttachStart size. */
                size?: (berth.engine.v1.TerminalSize.$Properties|null);

                /**
                 * Encodes the specified AttachStart message. Does not implicitly {@link berth.engine.v1.AttachStart.verify|verify} messages.
                 * @param message AttachStart message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.AttachStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachStart message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.AttachStart & berth.engine.v1.AttachStart.$Shape} AttachStart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.AttachStart & berth.engine.v1.AttachStart.$Shape;
            }

            namespace AttachStart {

                /** Properties of an AttachStart. */
                interface $Properties {

                    /** AttachStart id */
                    id?: (string|null);

                    /** AttachStart start */
                    start?: (boolean|null);

                    /** AttachStart size */
                    size?: (berth.engine.v1.TerminalSize.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AttachStart. */
                type $Shape = berth.engine.v1.AttachStart.$Properties;
            }

            /**
             * Properties of an AttachOutput.
             * @deprecated Use berth.engine.v1.AttachOutput.$Properties instead.
             */
            interface IAttachOutput extends berth.engine.v1.AttachOutput.$Properties {
            }

            /** Represents an AttachOutput. */
            class AttachOutput {

                /**
                 * Constructs a new AttachOutput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.AttachOutput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachOutput stdout. */
                stdout?: (Uint8Array|null);

                /** AttachOutput stderr. */
                stderr?: (Uint8Array|null);

                /** AttachOutput exit. */
                exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                /** AttachOutput output. */
                output?: ("stdout"|"stderr"|"exit");

                /**
                 * Encodes the specified AttachOutput message. Does not implicitly {@link berth.engine.v1.AttachOutput.verify|verify} messages.
                 * @param message AttachOutput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.AttachOutput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachOutput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.AttachOutput & berth.engine.v1.AttachOutput.$Shape} AttachOutput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.AttachOutput & berth.engine.v1.AttachOutput.$Shape;
            }

            namespace AttachOutput {

                /** Properties of an AttachOutput. */
                interface $Properties {

                    /** AttachOutput stdout */
                    stdout?: (Uint8Array|null);

                    /** AttachOutput stderr */
                    stderr?: (Uint8Array|null);

                    /** AttachOutput exit */
                    exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                    /** AttachOutput output */
                    output?: ("stdout"|"stderr"|"exit");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an AttachOutput. */
                type $Shape = {
                  stdout?: Uint8Array|null;
                  stderr?: Uint8Array|null;
                  exit?: berth.engine.v1.ExitStatus.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ output?: undefined; stdout?: null; stderr?: null; exit?: null }|{ output?: "stdout"; stdout: Uint8Array; stderr?: null; exit?: null }|{ output?: "stderr"; stdout?: null; stderr: Uint8Array; exit?: null }|{ output?: "exit"; stdout?: null; stderr?: null; exit: berth.engine.v1.ExitStatus.$Shape })
                );
            }

            /**
             * Properties of a TerminalSize.
             * @deprecated Use berth.engine.v1.TerminalSize.$Properties instead.
             */
            interface ITerminalSize extends berth.engine.v1.TerminalSize.$Properties {
            }

            /** Represents a TerminalSize. */
            class TerminalSize {

                /**
                 * Constructs a new TerminalSize.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.TerminalSize.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TerminalSize rows. */
                rows: number;

                /** TerminalSize cols. */
                cols: number;

                /**
                 * Encodes the specified TerminalSize message. Does not implicitly {@link berth.engine.v1.TerminalSize.verify|verify} messages.
                 * @param message TerminalSize message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.TerminalSize.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TerminalSize message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.TerminalSize & berth.engine.v1.TerminalSize.$Shape} TerminalSize
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.TerminalSize & berth.engine.v1.TerminalSize.$Shape;
            }

            namespace TerminalSize {

                /** Properties of a TerminalSize. */
                interface $Properties {

                    /** TerminalSize rows */
                    rows?: (number|null);

                    /** TerminalSize cols */
                    cols?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TerminalSize. */
                type $Shape = berth.engine.v1.TerminalSize.$Properties;
            }

            /**
             * Properties of a StopRequest.
             * @deprecated Use berth.engine.v1.StopRequest.$Properties instead.
             */
            interface IStopRequest extends berth.engine.v1.StopRequest.$Properties {
            }

            /** Represents a StopRequest. */
            class StopRequest {

                /**
                 * Constructs a new StopRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.StopRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** StopRequest id. */
                id: string;

                /** StopRequest timeoutS. */
                timeoutS: number;

                /** StopRequest timeoutSet. */
                timeoutSet: boolean;

                /** StopRequest signal. */
                signal: string;

                /**
                 * Encodes the specified StopRequest message. Does not implicitly {@link berth.engine.v1.StopRequest.verify|verify} messages.
                 * @param message StopRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.StopRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StopRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.StopRequest & berth.engine.v1.StopRequest.$Shape} StopRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.StopRequest & berth.engine.v1.StopRequest.$Shape;
            }

            namespace StopRequest {

                /** Properties of a StopRequest. */
                interface $Properties {

                    /** StopRequest id */
                    id?: (string|null);

                    /** StopRequest timeoutS */
                    timeoutS?: (number|null);

                    /** StopRequest timeoutSet */
                    timeoutSet?: (boolean|null);

                    /** StopRequest signal */
                    signal?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StopRequest. */
                type $Shape = berth.engine.v1.StopRequest.$Properties;
            }

            /**
             * Properties of a KillRequest.
             * @deprecated Use berth.engine.v1.KillRequest.$Properties instead.
             */
            interface IKillRequest extends berth.engine.v1.KillRequest.$Properties {
            }

            /** Represents a KillRequest. */
            class KillRequest {

                /**
                 * Constructs a new KillRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.KillRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** KillRequest id. */
                id: string;

                /** KillRequest signal. */
                signal: string;

                /**
                 * Encodes the specified KillRequest message. Does not implicitly {@link berth.engine.v1.KillRequest.verify|verify} messages.
                 * @param message KillRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.KillRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a KillRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.KillRequest & berth.engine.v1.KillRequest.$Shape} KillRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.KillRequest & berth.engine.v1.KillRequest.$Shape;
            }

            namespace KillRequest {

                /** Properties of a KillRequest. */
                interface $Properties {

                    /** KillRequest id */
                    id?: (string|null);

                    /** KillRequest signal */
                    signal?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a KillRequest. */
                type $Shape = berth.engine.v1.KillRequest.$Properties;
            }

            /**
             * Properties of a RemoveContainerRequest.
             * @deprecated Use berth.engine.v1.RemoveContainerRequest.$Properties instead.
             */
            interface IRemoveContainerRequest extends berth.engine.v1.RemoveContainerRequest.$Properties {
            }

            /** Represents a RemoveContainerRequest. */
            class RemoveContainerRequest {

                /**
                 * Constructs a new RemoveContainerRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RemoveContainerRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveContainerRequest id. */
                id: string;

                /** RemoveContainerRequest force. */
                force: boolean;

                /** RemoveContainerRequest volumes. */
                volumes: boolean;

                /**
                 * Encodes the specified RemoveContainerRequest message. Does not implicitly {@link berth.engine.v1.RemoveContainerRequest.verify|verify} messages.
                 * @param message RemoveContainerRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RemoveContainerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveContainerRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RemoveContainerRequest & berth.engine.v1.RemoveContainerRequest.$Shape} RemoveContainerRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RemoveContainerRequest & berth.engine.v1.RemoveContainerRequest.$Shape;
            }

            namespace RemoveContainerRequest {

                /** Properties of a RemoveContainerRequest. */
                interface $Properties {

                    /** RemoveContainerRequest id */
                    id?: (string|null);

                    /** RemoveContainerRequest force */
                    force?: (boolean|null);

                    /** RemoveContainerRequest volumes */
                    volumes?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveContainerRequest. */
                type $Shape = berth.engine.v1.RemoveContainerRequest.$Properties;
            }

            /**
             * Properties of a RenameRequest.
             * @deprecated Use berth.engine.v1.RenameRequest.$Properties instead.
             */
            interface IRenameRequest extends berth.engine.v1.RenameRequest.$Properties {
            }

            /** Represents a RenameRequest. */
            class RenameRequest {

                /**
                 * Constructs a new RenameRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RenameRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RenameRequest id. */
                id: string;

                /** RenameRequest name. */
                name: string;

                /**
                 * Encodes the specified RenameRequest message. Does not implicitly {@link berth.engine.v1.RenameRequest.verify|verify} messages.
                 * @param message RenameRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RenameRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RenameRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RenameRequest & berth.engine.v1.RenameRequest.$Shape} RenameRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RenameRequest & berth.engine.v1.RenameRequest.$Shape;
            }

            namespace RenameRequest {

                /** Properties of a RenameRequest. */
                interface $Properties {

                    /** RenameRequest id */
                    id?: (string|null);

                    /** RenameRequest name */
                    name?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RenameRequest. */
                type $Shape = berth.engine.v1.RenameRequest.$Properties;
            }

            /**
             * Properties of a ListContainersRequest.
             * @deprecated Use berth.engine.v1.ListContainersRequest.$Properties instead.
             */
            interface IListContainersRequest extends berth.engine.v1.ListContainersRequest.$Properties {
            }

            /** Represents a ListContainersRequest. */
            class ListContainersRequest {

                /**
                 * Constructs a new ListContainersRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ListContainersRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ListContainersRequest all. */
                all: boolean;

                /** ListContainersRequest filters. */
                filters: string[];

                /** ListContainersRequest last. */
                last: number;

                /**
                 * Encodes the specified ListContainersRequest message. Does not implicitly {@link berth.engine.v1.ListContainersRequest.verify|verify} messages.
                 * @param message ListContainersRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ListContainersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListContainersRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ListContainersRequest & berth.engine.v1.ListContainersRequest.$Shape} ListContainersRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ListContainersRequest & berth.engine.v1.ListContainersRequest.$Shape;
            }

            namespace ListContainersRequest {

                /** Properties of a ListContainersRequest. */
                interface $Properties {

                    /** ListContainersRequest all */
                    all?: (boolean|null);

                    /** ListContainersRequest filters */
                    filters?: (string[]|null);

                    /** ListContainersRequest last */
                    last?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ListContainersRequest. */
                type $Shape = berth.engine.v1.ListContainersRequest.$Properties;
            }

            /**
             * Properties of a ContainerSummary.
             * @deprecated Use berth.engine.v1.ContainerSummary.$Properties instead.
             */
            interface IContainerSummary extends berth.engine.v1.ContainerSummary.$Properties {
            }

            /** Represents a ContainerSummary. */
            class ContainerSummary {

                /**
                 * Constructs a new ContainerSummary.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ContainerSummary.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ContainerSummary id. */
                id: string;

                /** ContainerSummary names. */
                names: string[];

                /** ContainerSummary image. */
                image: string;

                /** ContainerSummary imageId. */
                imageId: string;

                /** ContainerSummary command. */
                command: string;

                /** ContainerSummary createdMs. */
                createdMs: number;

                /** ContainerSummary state. */
                state: string;

                /** ContainerSummary status. */
                status: string;

                /** ContainerSummary ports. */
                ports: berth.engine.v1.PortBinding.$Properties[];

                /** ContainerSummary labels. */
                labels: { [k: string]: string };

                /** ContainerSummary networks. */
                networks: string[];

                /** ContainerSummary mounts. */
                mounts: string[];

                /**
                 * Encodes the specified ContainerSummary message. Does not implicitly {@link berth.engine.v1.ContainerSummary.verify|verify} messages.
                 * @param message ContainerSummary message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ContainerSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ContainerSummary message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ContainerSummary & berth.engine.v1.ContainerSummary.$Shape} ContainerSummary
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ContainerSummary & berth.engine.v1.ContainerSummary.$Shape;
            }

            namespace ContainerSummary {

                /** Properties of a ContainerSummary. */
                interface $Properties {

                    /** ContainerSummary id */
                    id?: (string|null);

                    /** ContainerSummary names */
                    names?: (string[]|null);

                    /** ContainerSummary image */
                    image?: (string|null);

                    /** ContainerSummary imageId */
                    imageId?: (string|null);

                    /** ContainerSummary command */
                    command?: (string|null);

                    /** ContainerSummary createdMs */
                    createdMs?: (number|null);

                    /** ContainerSummary state */
                    state?: (string|null);

                    /** ContainerSummary status */
                    status?: (string|null);

                    /** ContainerSummary ports */
                    ports?: (berth.engine.v1.PortBinding.$Properties[]|null);

                    /** ContainerSummary labels */
                    labels?: ({ [k: string]: string }|null);

                    /** ContainerSummary networks */
                    networks?: (string[]|null);

                    /** ContainerSummary mounts */
                    mounts?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ContainerSummary. */
                type $Shape = berth.engine.v1.ContainerSummary.$Properties;
            }

            /**
             * Properties of a ContainerList.
             * @deprecated Use berth.engine.v1.ContainerList.$Properties instead.
             */
            interface IContainerList extends berth.engine.v1.ContainerList.$Properties {
            }

            /** Represents a ContainerList. */
            class ContainerList {

                /**
                 * Constructs a new ContainerList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ContainerList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ContainerList containers. */
                containers: berth.engine.v1.ContainerSummary.$Properties[];

                /**
                 * Encodes the specified ContainerList message. Does not implicitly {@link berth.engine.v1.ContainerList.verify|verify} messages.
                 * @param message ContainerList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ContainerList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ContainerList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ContainerList & berth.engine.v1.ContainerList.$Shape} ContainerList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ContainerList & berth.engine.v1.ContainerList.$Shape;
            }

            namespace ContainerList {

                /** Properties of a ContainerList. */
                interface $Properties {

                    /** ContainerList containers */
                    containers?: (berth.engine.v1.ContainerSummary.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ContainerList. */
                type $Shape = berth.engine.v1.ContainerList.$Properties;
            }

            /**
             * Properties of a LogsRequest.
             * @deprecated Use berth.engine.v1.LogsRequest.$Properties instead.
             */
            interface ILogsRequest extends berth.engine.v1.LogsRequest.$Properties {
            }

            /** Represents a LogsRequest. */
            class LogsRequest {

                /**
                 * Constructs a new LogsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.LogsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LogsRequest id. */
                id: string;

                /** LogsRequest follow. */
                follow: boolean;

                /** LogsRequest timestamps. */
                timestamps: boolean;

                /** LogsRequest sinceMs. */
                sinceMs: number;

                /** LogsRequest untilMs. */
                untilMs: number;

                /** LogsRequest tail. */
                tail: number;

                /** LogsRequest stdout. */
                stdout: boolean;

                /** LogsRequest stderr. */
                stderr: boolean;

                /**
                 * Encodes the specified LogsRequest message. Does not implicitly {@link berth.engine.v1.LogsRequest.verify|verify} messages.
                 * @param message LogsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.LogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LogsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.LogsRequest & berth.engine.v1.LogsRequest.$Shape} LogsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.LogsRequest & berth.engine.v1.LogsRequest.$Shape;
            }

            namespace LogsRequest {

                /** Properties of a LogsRequest. */
                interface $Properties {

                    /** LogsRequest id */
                    id?: (string|null);

                    /** LogsRequest follow */
                    follow?: (boolean|null);

                    /** LogsRequest timestamps */
                    timestamps?: (boolean|null);

                    /** LogsRequest sinceMs */
                    sinceMs?: (number|null);

                    /** LogsRequest untilMs */
                    untilMs?: (number|null);

                    /** LogsRequest tail */
                    tail?: (number|null);

                    /** LogsRequest stdout */
                    stdout?: (boolean|null);

                    /** LogsRequest stderr */
                    stderr?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LogsRequest. */
                type $Shape = berth.engine.v1.LogsRequest.$Properties;
            }

            /**
             * Properties of a LogEntry.
             * @deprecated Use berth.engine.v1.LogEntry.$Properties instead.
             */
            interface ILogEntry extends berth.engine.v1.LogEntry.$Properties {
            }

            /** Represents a LogEntry. */
            class LogEntry {

                /**
                 * Constructs a new LogEntry.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.LogEntry.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LogEntry stream. */
                stream: string;

                /** LogEntry data. */
                data: Uint8Array;

                /** LogEntry time. */
                time: string;

                /**
                 * Encodes the specified LogEntry message. Does not implicitly {@link berth.engine.v1.LogEntry.verify|verify} messages.
                 * @param message LogEntry message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.LogEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LogEntry message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.LogEntry & berth.engine.v1.LogEntry.$Shape} LogEntry
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.LogEntry & berth.engine.v1.LogEntry.$Shape;
            }

            namespace LogEntry {

                /** Properties of a LogEntry. */
                interface $Properties {

                    /** LogEntry stream */
                    stream?: (string|null);

                    /** LogEntry data */
                    data?: (Uint8Array|null);

                    /** LogEntry time */
                    time?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LogEntry. */
                type $Shape = berth.engine.v1.LogEntry.$Properties;
            }

            /**
             * Properties of an ExitStatus.
             * @deprecated Use berth.engine.v1.ExitStatus.$Properties instead.
             */
            interface IExitStatus extends berth.engine.v1.ExitStatus.$Properties {
            }

            /** Represents an ExitStatus. */
            class ExitStatus {

                /**
                 * Constructs a new ExitStatus.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ExitStatus.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExitStatus exitCode. */
                exitCode: number;

                /** ExitStatus oomKilled. */
                oomKilled: boolean;

                /** ExitStatus error. */
                error: string;

                /**
                 * Encodes the specified ExitStatus message. Does not implicitly {@link berth.engine.v1.ExitStatus.verify|verify} messages.
                 * @param message ExitStatus message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ExitStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExitStatus message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ExitStatus & berth.engine.v1.ExitStatus.$Shape} ExitStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ExitStatus & berth.engine.v1.ExitStatus.$Shape;
            }

            namespace ExitStatus {

                /** Properties of an ExitStatus. */
                interface $Properties {

                    /** ExitStatus exitCode */
                    exitCode?: (number|null);

                    /** ExitStatus oomKilled */
                    oomKilled?: (boolean|null);

                    /** ExitStatus error */
                    error?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ExitStatus. */
                type $Shape = berth.engine.v1.ExitStatus.$Properties;
            }

            /**
             * Properties of an ExecInput.
             * @deprecated Use berth.engine.v1.ExecInput.$Properties instead.
             */
            interface IExecInput extends berth.engine.v1.ExecInput.$Properties {
            }

            /** Represents an ExecInput. */
            class ExecInput {

                /**
                 * Constructs a new ExecInput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ExecInput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecInput start. */
                start?: (berth.engine.v1.ExecStart.$Properties|null);

                /** ExecInput stdin. */
                stdin?: (Uint8Array|null);

                /** ExecInput resize. */
                resize?: (berth.engine.v1.TerminalSize.$Properties|null);

                /** ExecInput closeStdin. */
                closeStdin?: (boolean|null);

                /** ExecInput input. */
                input?: ("start"|"stdin"|"resize"|"closeStdin");

                /**
                 * Encodes the specified ExecInput message. Does not implicitly {@link berth.engine.v1.ExecInput.verify|verify} messages.
                 * @param message ExecInput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ExecInput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecInput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ExecInput & berth.engine.v1.ExecInput.$Shape} ExecInput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ExecInput & berth.engine.v1.ExecInput.$Shape;
            }

            namespace ExecInput {

                /** Properties of an ExecInput. */
                interface $Properties {

                    /** ExecInput start */
                    start?: (berth.engine.v1.ExecStart.$Properties|null);

                    /** ExecInput stdin */
                    stdin?: (Uint8Array|null);

                    /** ExecInput resize */
                    resize?: (berth.engine.v1.TerminalSize.$Properties|null);

                    /** ExecInput closeStdin */
                    closeStdin?: (boolean|null);

                    /** ExecInput input */
                    input?: ("start"|"stdin"|"resize"|"closeStdin");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an ExecInput. */
                type $Shape = {
                  start?: berth.engine.v1.ExecStart.$Shape|null;
                  stdin?: Uint8Array|null;
                  resize?: berth.engine.v1.TerminalSize.$Shape|null;
                  closeStdin?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; start?: null; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "start"; start: berth.engine.v1.ExecStart.$Shape; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "stdin"; start?: null; stdin: Uint8Array; resize?: null; closeStdin?: null }|{ input?: "resize"; start?: null; stdin?: null; resize: berth.engine.v1.TerminalSize.$Shape; closeStdin?: null }|{ input?: "closeStdin"; start?: null; stdin?: null; resize?: null; closeStdin: boolean })
                );
            }

            /**
             * Properties of an ExecStart.
             * @deprecated Use berth.engine.v1.ExecStart.$Properties instead.
             */
            interface IExecStart extends berth.engine.v1.ExecStart.$Properties {
            }

            /** Represents an ExecStart. */
            class ExecStart {

                /**
                 * Constructs a new ExecStart.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ExecStart.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecStart id. */
                id: string;

                /** ExecStart cmd. */
                cmd: string[];

                /** ExecStart env. */
                env: string[];

                /** ExecStart workingDir. */
                workingDir: string;

                /** ExecStart user. */
                user: string;

                /** ExecStart tty. */
                tty: boolean;

                /** ExecStart stdin. */
                stdin: boolean;

                /** ExecStart detach. */
                detach: boolean;

                /** ExecStart privileged. */
                privileged: boolean;

                /** ExecStart size. */
                size?: (berth.engine.v1.TerminalSize.$Properties|null);

                /**
                 * Encodes the specified ExecStart message. Does not implicitly {@link berth.engine.v1.ExecStart.verify|verify} messages.
                 * @param message ExecStart message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ExecStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecStart message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ExecStart & berth.engine.v1.ExecStart.$Shape} ExecStart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ExecStart & berth.engine.v1.ExecStart.$Shape;
            }

            namespace ExecStart {

                /** Properties of an ExecStart. */
                interface $Properties {

                    /** ExecStart id */
                    id?: (string|null);

                    /** ExecStart cmd */
                    cmd?: (string[]|null);

                    /** ExecStart env */
                    env?: (string[]|null);

                    /** ExecStart workingDir */
                    workingDir?: (string|null);

                    /** ExecStart user */
                    user?: (string|null);

                    /** ExecStart tty */
                    tty?: (boolean|null);

                    /** ExecStart stdin */
                    stdin?: (boolean|null);

                    /** ExecStart detach */
                    detach?: (boolean|null);

                    /** ExecStart privileged */
                    privileged?: (boolean|null);

                    /** ExecStart size */
                    size?: (berth.engine.v1.TerminalSize.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ExecStart. */
                type $Shape = berth.engine.v1.ExecStart.$Properties;
            }

            /**
             * Properties of an ExecOutput.
             * @deprecated Use berth.engine.v1.ExecOutput.$Properties instead.
             */
            interface IExecOutput extends berth.engine.v1.ExecOutput.$Properties {
            }

            /** Represents an ExecOutput. */
            class ExecOutput {

                /**
                 * Constructs a new ExecOutput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ExecOutput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecOutput stdout. */
                stdout?: (Uint8Array|null);

                /** ExecOutput stderr. */
                stderr?: (Uint8Array|null);

                /** ExecOutput exit. */
                exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                /** ExecOutput output. */
                output?: ("stdout"|"stderr"|"exit");

                /**
                 * Encodes the specified ExecOutput message. Does not implicitly {@link berth.engine.v1.ExecOutput.verify|verify} messages.
                 * @param message ExecOutput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ExecOutput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecOutput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ExecOutput & berth.engine.v1.ExecOutput.$Shape} ExecOutput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ExecOutput & berth.engine.v1.ExecOutput.$Shape;
            }

            namespace ExecOutput {

                /** Properties of an ExecOutput. */
                interface $Properties {

                    /** ExecOutput stdout */
                    stdout?: (Uint8Array|null);

                    /** ExecOutput stderr */
                    stderr?: (Uint8Array|null);

                    /** ExecOutput exit */
                    exit?: (berth.engine.v1.ExitStatus.$Properties|null);

                    /** ExecOutput output */
                    output?: ("stdout"|"stderr"|"exit");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an ExecOutput. */
                type $Shape = {
                  stdout?: Uint8Array|null;
                  stderr?: Uint8Array|null;
                  exit?: berth.engine.v1.ExitStatus.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ output?: undefined; stdout?: null; stderr?: null; exit?: null }|{ output?: "stdout"; stdout: Uint8Array; stderr?: null; exit?: null }|{ output?: "stderr"; stdout?: null; stderr: Uint8Array; exit?: null }|{ output?: "exit"; stdout?: null; stderr?: null; exit: berth.engine.v1.ExitStatus.$Shape })
                );
            }

            /**
             * Properties of a StatsRequest.
             * @deprecated Use berth.engine.v1.StatsRequest.$Properties instead.
             */
            interface IStatsRequest extends berth.engine.v1.StatsRequest.$Properties {
            }

            /** Represents a StatsRequest. */
            class StatsRequest {

                /**
                 * Constructs a new StatsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.StatsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** StatsRequest ids. */
                ids: string[];

                /** StatsRequest stream. */
                stream: boolean;

                /**
                 * Encodes the specified StatsRequest message. Does not implicitly {@link berth.engine.v1.StatsRequest.verify|verify} messages.
                 * @param message StatsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.StatsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StatsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.StatsRequest & berth.engine.v1.StatsRequest.$Shape} StatsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.StatsRequest & berth.engine.v1.StatsRequest.$Shape;
            }

            namespace StatsRequest {

                /** Properties of a StatsRequest. */
                interface $Properties {

                    /** StatsRequest ids */
                    ids?: (string[]|null);

                    /** StatsRequest stream */
                    stream?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StatsRequest. */
                type $Shape = berth.engine.v1.StatsRequest.$Properties;
            }

            /**
             * Properties of a ContainerStats.
             * @deprecated Use berth.engine.v1.ContainerStats.$Properties instead.
             */
            interface IContainerStats extends berth.engine.v1.ContainerStats.$Properties {
            }

            /** Represents a ContainerStats. */
            class ContainerStats {

                /**
                 * Constructs a new ContainerStats.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ContainerStats.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ContainerStats id. */
                id: string;

                /** ContainerStats name. */
                name: string;

                /** ContainerStats cpuPercent. */
                cpuPercent: number;

                /** ContainerStats memoryUsageBytes. */
                memoryUsageBytes: number;

                /** ContainerStats memoryLimitBytes. */
                memoryLimitBytes: number;

                /** ContainerStats memoryPercent. */
                memoryPercent: number;

                /** ContainerStats netRxBytes. */
                netRxBytes: number;

                /** ContainerStats netTxBytes. */
                netTxBytes: number;

                /** ContainerStats blockReadBytes. */
                blockReadBytes: number;

                /** ContainerStats blockWriteBytes. */
                blockWriteBytes: number;

                /** ContainerStats pids. */
                pids: number;

                /**
                 * Encodes the specified ContainerStats message. Does not implicitly {@link berth.engine.v1.ContainerStats.verify|verify} messages.
                 * @param message ContainerStats message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ContainerStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ContainerStats message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ContainerStats & berth.engine.v1.ContainerStats.$Shape} ContainerStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ContainerStats & berth.engine.v1.ContainerStats.$Shape;
            }

            namespace ContainerStats {

                /** Properties of a ContainerStats. */
                interface $Properties {

                    /** ContainerStats id */
                    id?: (string|null);

                    /** ContainerStats name */
                    name?: (string|null);

                    /** ContainerStats cpuPercent */
                    cpuPercent?: (number|null);

                    /** ContainerStats memoryUsageBytes */
                    memoryUsageBytes?: (number|null);

                    /** ContainerStats memoryLimitBytes */
                    memoryLimitBytes?: (number|null);

                    /** ContainerStats memoryPercent */
                    memoryPercent?: (number|null);

                    /** ContainerStats netRxBytes */
                    netRxBytes?: (number|null);

                    /** ContainerStats netTxBytes */
                    netTxBytes?: (number|null);

                    /** ContainerStats blockReadBytes */
                    blockReadBytes?: (number|null);

                    /** ContainerStats blockWriteBytes */
                    blockWriteBytes?: (number|null);

                    /** ContainerStats pids */
                    pids?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ContainerStats. */
                type $Shape = berth.engine.v1.ContainerStats.$Properties;
            }

            /**
             * Properties of a TopResponse.
             * @deprecated Use berth.engine.v1.TopResponse.$Properties instead.
             */
            interface ITopResponse extends berth.engine.v1.TopResponse.$Properties {
            }

            /** Represents a TopResponse. */
            class TopResponse {

                /**
                 * Constructs a new TopResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.TopResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TopResponse titles. */
                titles: string[];

                /** TopResponse processes. */
                processes: berth.engine.v1.TopRow.$Properties[];

                /**
                 * Encodes the specified TopResponse message. Does not implicitly {@link berth.engine.v1.TopResponse.verify|verify} messages.
                 * @param message TopResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.TopResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TopResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.TopResponse & berth.engine.v1.TopResponse.$Shape} TopResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.TopResponse & berth.engine.v1.TopResponse.$Shape;
            }

            namespace TopResponse {

                /** Properties of a TopResponse. */
                interface $Properties {

                    /** TopResponse titles */
                    titles?: (string[]|null);

                    /** TopResponse processes */
                    processes?: (berth.engine.v1.TopRow.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TopResponse. */
                type $Shape = berth.engine.v1.TopResponse.$Properties;
            }

            /**
             * Properties of a TopRow.
             * @deprecated Use berth.engine.v1.TopRow.$Properties instead.
             */
            interface ITopRow extends berth.engine.v1.TopRow.$Properties {
            }

            /** Represents a TopRow. */
            class TopRow {

                /**
                 * Constructs a new TopRow.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.TopRow.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TopRow columns. */
                columns: string[];

                /**
                 * Encodes the specified TopRow message. Does not implicitly {@link berth.engine.v1.TopRow.verify|verify} messages.
                 * @param message TopRow message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.TopRow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TopRow message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.TopRow & berth.engine.v1.TopRow.$Shape} TopRow
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.TopRow & berth.engine.v1.TopRow.$Shape;
            }

            namespace TopRow {

                /** Properties of a TopRow. */
                interface $Properties {

                    /** TopRow columns */
                    columns?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TopRow. */
                type $Shape = berth.engine.v1.TopRow.$Properties;
            }

            /**
             * Properties of a DiffResponse.
             * @deprecated Use berth.engine.v1.DiffResponse.$Properties instead.
             */
            interface IDiffResponse extends berth.engine.v1.DiffResponse.$Properties {
            }

            /** Represents a DiffResponse. */
            class DiffResponse {

                /**
                 * Constructs a new DiffResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.DiffResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DiffResponse changes. */
                changes: berth.engine.v1.DiffEntry.$Properties[];

                /**
                 * Encodes the specified DiffResponse message. Does not implicitly {@link berth.engine.v1.DiffResponse.verify|verify} messages.
                 * @param message DiffResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.DiffResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DiffResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.DiffResponse & berth.engine.v1.DiffResponse.$Shape} DiffResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.DiffResponse & berth.engine.v1.DiffResponse.$Shape;
            }

            namespace DiffResponse {

                /** Properties of a DiffResponse. */
                interface $Properties {

                    /** DiffResponse changes */
                    changes?: (berth.engine.v1.DiffEntry.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DiffResponse. */
                type $Shape = berth.engine.v1.DiffResponse.$Properties;
            }

            /**
             * Properties of a DiffEntry.
             * @deprecated Use berth.engine.v1.DiffEntry.$Properties instead.
             */
            interface IDiffEntry extends berth.engine.v1.DiffEntry.$Properties {
            }

            /** Represents a DiffEntry. */
            class DiffEntry {

                /**
                 * Constructs a new DiffEntry.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.DiffEntry.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DiffEntry kind. */
                kind: string;

                /** DiffEntry path. */
                path: string;

                /**
                 * Encodes the specified DiffEntry message. Does not implicitly {@link berth.engine.v1.DiffEntry.verify|verify} messages.
                 * @param message DiffEntry message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.DiffEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DiffEntry message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.DiffEntry & berth.engine.v1.DiffEntry.$Shape} DiffEntry
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.DiffEntry & berth.engine.v1.DiffEntry.$Shape;
            }

            namespace DiffEntry {

                /** Properties of a DiffEntry. */
                interface $Properties {

                    /** DiffEntry kind */
                    kind?: (string|null);

                    /** DiffEntry path */
                    path?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DiffEntry. */
                type $Shape = berth.engine.v1.DiffEntry.$Properties;
            }

            /**
             * Properties of a CommitRequest.
             * @deprecated Use berth.engine.v1.CommitRequest.$Properties instead.
             */
            interface ICommitRequest extends berth.engine.v1.CommitRequest.$Properties {
            }

            /** Represents a CommitRequest. */
            class CommitRequest {

                /**
                 * Constructs a new CommitRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CommitRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CommitRequest id. */
                id: string;

                /** CommitRequest reference. */
                reference: string;

                /** CommitRequest message. */
                message: string;

                /** CommitRequest author. */
                author: string;

                /** CommitRequest changes. */
                changes: string[];

                /** CommitRequest pause. */
                pause: boolean;

                /**
                 * Encodes the specified CommitRequest message. Does not implicitly {@link berth.engine.v1.CommitRequest.verify|verify} messages.
                 * @param message CommitRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CommitRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CommitRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CommitRequest & berth.engine.v1.CommitRequest.$Shape} CommitRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CommitRequest & berth.engine.v1.CommitRequest.$Shape;
            }

            namespace CommitRequest {

                /** Properties of a CommitRequest. */
                interface $Properties {

                    /** CommitRequest id */
                    id?: (string|null);

                    /** CommitRequest reference */
                    reference?: (string|null);

                    /** CommitRequest message */
                    message?: (string|null);

                    /** CommitRequest author */
                    author?: (string|null);

                    /** CommitRequest changes */
                    changes?: (string[]|null);

                    /** CommitRequest pause */
                    pause?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CommitRequest. */
                type $Shape = berth.engine.v1.CommitRequest.$Properties;
            }

            /**
             * Properties of a CopyRequest.
             * @deprecated Use berth.engine.v1.CopyRequest.$Properties instead.
             */
            interface ICopyRequest extends berth.engine.v1.CopyRequest.$Properties {
            }

            /** Represents a CopyRequest. */
            class CopyRequest {

                /**
                 * Constructs a new CopyRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CopyRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CopyRequest id. */
                id: string;

                /** CopyRequest path. */
                path: string;

                /**
                 * Encodes the specified CopyRequest message. Does not implicitly {@link berth.engine.v1.CopyRequest.verify|verify} messages.
                 * @param message CopyRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CopyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CopyRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CopyRequest & berth.engine.v1.CopyRequest.$Shape} CopyRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CopyRequest & berth.engine.v1.CopyRequest.$Shape;
            }

            namespace CopyRequest {

                /** Properties of a CopyRequest. */
                interface $Properties {

                    /** CopyRequest id */
                    id?: (string|null);

                    /** CopyRequest path */
                    path?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CopyRequest. */
                type $Shape = berth.engine.v1.CopyRequest.$Properties;
            }

            /**
             * Properties of a CopyToInput.
             * @deprecated Use berth.engine.v1.CopyToInput.$Properties instead.
             */
            interface ICopyToInput extends berth.engine.v1.CopyToInput.$Properties {
            }

            /** Represents a CopyToInput. */
            class CopyToInput {

                /**
                 * Constructs a new CopyToInput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CopyToInput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CopyToInput target. */
                target?: (berth.engine.v1.CopyRequest.$Properties|null);

                /** CopyToInput data. */
                data?: (Uint8Array|null);

                /** CopyToInput input. */
                input?: ("target"|"data");

                /**
                 * Encodes the specified CopyToInput message. Does not implicitly {@link berth.engine.v1.CopyToInput.verify|verify} messages.
                 * @param message CopyToInput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CopyToInput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CopyToInput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CopyToInput & berth.engine.v1.CopyToInput.$Shape} CopyToInput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CopyToInput & berth.engine.v1.CopyToInput.$Shape;
            }

            namespace CopyToInput {

                /** Properties of a CopyToInput. */
                interface $Properties {

                    /** CopyToInput target */
                    target?: (berth.engine.v1.CopyRequest.$Properties|null);

                    /** CopyToInput data */
                    data?: (Uint8Array|null);

                    /** CopyToInput input */
                    input?: ("target"|"data");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a CopyToInput. */
                type $Shape = {
                  target?: berth.engine.v1.CopyRequest.$Shape|null;
                  data?: Uint8Array|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; target?: null; data?: null }|{ input?: "target"; target: berth.engine.v1.CopyRequest.$Shape; data?: null }|{ input?: "data"; target?: null; data: Uint8Array })
                );
            }

            /**
             * Properties of a RegistryAuth.
             * @deprecated Use berth.engine.v1.RegistryAuth.$Properties instead.
             */
            interface IRegistryAuth extends berth.engine.v1.RegistryAuth.$Properties {
            }

            /** Represents a RegistryAuth. */
            class RegistryAuth {

                /**
                 * Constructs a new RegistryAuth.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RegistryAuth.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RegistryAuth username. */
                username: string;

                /** RegistryAuth password. */
                password: string;

                /**
                 * Encodes the specified RegistryAuth message. Does not implicitly {@link berth.engine.v1.RegistryAuth.verify|verify} messages.
                 * @param message RegistryAuth message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RegistryAuth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RegistryAuth message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RegistryAuth & berth.engine.v1.RegistryAuth.$Shape} RegistryAuth
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RegistryAuth & berth.engine.v1.RegistryAuth.$Shape;
            }

            namespace RegistryAuth {

                /** Properties of a RegistryAuth. */
                interface $Properties {

                    /** RegistryAuth username */
                    username?: (string|null);

                    /** RegistryAuth password */
                    password?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RegistryAuth. */
                type $Shape = berth.engine.v1.RegistryAuth.$Properties;
            }

            /**
             * Properties of an ImageRef.
             * @deprecated Use berth.engine.v1.ImageRef.$Properties instead.
             */
            interface IImageRef extends berth.engine.v1.ImageRef.$Properties {
            }

            /** Represents an ImageRef. */
            class ImageRef {

                /**
                 * Constructs a new ImageRef.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImageRef.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImageRef name. */
                name: string;

                /**
                 * Encodes the specified ImageRef message. Does not implicitly {@link berth.engine.v1.ImageRef.verify|verify} messages.
                 * @param message ImageRef message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImageRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImageRef message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImageRef & berth.engine.v1.ImageRef.$Shape} ImageRef
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImageRef & berth.engine.v1.ImageRef.$Shape;
            }

            namespace ImageRef {

                /** Properties of an ImageRef. */
                interface $Properties {

                    /** ImageRef name */
                    name?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImageRef. */
                type $Shape = berth.engine.v1.ImageRef.$Properties;
            }

            /**
             * Properties of an ImageId.
             * @deprecated Use berth.engine.v1.ImageId.$Properties instead.
             */
            interface IImageId extends berth.engine.v1.ImageId.$Properties {
            }

            /** Represents an ImageId. */
            class ImageId {

                /**
                 * Constructs a new ImageId.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImageId.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImageId id. */
                id: string;

                /**
                 * Encodes the specified ImageId message. Does not implicitly {@link berth.engine.v1.ImageId.verify|verify} messages.
                 * @param message ImageId message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImageId.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImageId message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImageId & berth.engine.v1.ImageId.$Shape} ImageId
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImageId & berth.engine.v1.ImageId.$Shape;
            }

            namespace ImageId {

                /** Properties of an ImageId. */
                interface $Properties {

                    /** ImageId id */
                    id?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImageId. */
                type $Shape = berth.engine.v1.ImageId.$Properties;
            }

            /**
             * Properties of a PullRequest.
             * @deprecated Use berth.engine.v1.PullRequest.$Properties instead.
             */
            interface IPullRequest extends berth.engine.v1.PullRequest.$Properties {
            }

            /** Represents a PullRequest. */
            class PullRequest {

                /**
                 * Constructs a new PullRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.PullRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PullRequest reference. */
                reference: string;

                /** PullRequest platform. */
                platform: string;

                /** PullRequest auth. */
                auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                /**
                 * Encodes the specified PullRequest message. Does not implicitly {@link berth.engine.v1.PullRequest.verify|verify} messages.
                 * @param message PullRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.PullRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PullRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.PullRequest & berth.engine.v1.PullRequest.$Shape} PullRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.PullRequest & berth.engine.v1.PullRequest.$Shape;
            }

            namespace PullRequest {

                /** Properties of a PullRequest. */
                interface $Properties {

                    /** PullRequest reference */
                    reference?: (string|null);

                    /** PullRequest platform */
                    platform?: (string|null);

                    /** PullRequest auth */
                    auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PullRequest. */
                type $Shape = berth.engine.v1.PullRequest.$Properties;
            }

            /**
             * Properties of a PushRequest.
             * @deprecated Use berth.engine.v1.PushRequest.$Properties instead.
             */
            interface IPushRequest extends berth.engine.v1.PushRequest.$Properties {
            }

            /** Represents a PushRequest. */
            class PushRequest {

                /**
                 * Constructs a new PushRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.PushRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PushRequest reference. */
                reference: string;

                /** PushRequest auth. */
                auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                /**
                 * Encodes the specified PushRequest message. Does not implicitly {@link berth.engine.v1.PushRequest.verify|verify} messages.
                 * @param message PushRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.PushRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PushRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.PushRequest & berth.engine.v1.PushRequest.$Shape} PushRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.PushRequest & berth.engine.v1.PushRequest.$Shape;
            }

            namespace PushRequest {

                /** Properties of a PushRequest. */
                interface $Properties {

                    /** PushRequest reference */
                    reference?: (string|null);

                    /** PushRequest auth */
                    auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PushRequest. */
                type $Shape = berth.engine.v1.PushRequest.$Properties;
            }

            /**
             * Properties of a ProgressEvent.
             * @deprecated Use berth.engine.v1.ProgressEvent.$Properties instead.
             */
            interface IProgressEvent extends berth.engine.v1.ProgressEvent.$Properties {
            }

            /** Represents a ProgressEvent. */
            class ProgressEvent {

                /**
                 * Constructs a new ProgressEvent.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ProgressEvent.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ProgressEvent id. */
                id: string;

                /** ProgressEvent action. */
                action: string;

                /** ProgressEvent current. */
                current: number;

                /** ProgressEvent total. */
                total: number;

                /** ProgressEvent detail. */
                detail: string;

                /** ProgressEvent status. */
                status: string;

                /** ProgressEvent digest. */
                digest: string;

                /** ProgressEvent size. */
                size: number;

                /**
                 * Encodes the specified ProgressEvent message. Does not implicitly {@link berth.engine.v1.ProgressEvent.verify|verify} messages.
                 * @param message ProgressEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ProgressEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ProgressEvent message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ProgressEvent & berth.engine.v1.ProgressEvent.$Shape} ProgressEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ProgressEvent & berth.engine.v1.ProgressEvent.$Shape;
            }

            namespace ProgressEvent {

                /** Properties of a ProgressEvent. */
                interface $Properties {

                    /** ProgressEvent id */
                    id?: (string|null);

                    /** ProgressEvent action */
                    action?: (string|null);

                    /** ProgressEvent current */
                    current?: (number|null);

                    /** ProgressEvent total */
                    total?: (number|null);

                    /** ProgressEvent detail */
                    detail?: (string|null);

                    /** ProgressEvent status */
                    status?: (string|null);

                    /** ProgressEvent digest */
                    digest?: (string|null);

                    /** ProgressEvent size */
                    size?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ProgressEvent. */
                type $Shape = berth.engine.v1.ProgressEvent.$Properties;
            }

            /**
             * Properties of a BuildRequest.
             * @deprecated Use berth.engine.v1.BuildRequest.$Properties instead.
             */
            interface IBuildRequest extends berth.engine.v1.BuildRequest.$Properties {
            }

            /** Represents a BuildRequest. */
            class BuildRequest {

                /**
                 * Constructs a new BuildRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.BuildRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BuildRequest contextPath. */
                contextPath: string;

                /** BuildRequest dockerfile. */
                dockerfile: string;

                /** BuildRequest tags. */
                tags: string[];

                /** BuildRequest buildArgs. */
                buildArgs: { [k: string]: string };

                /** BuildRequest target. */
                target: string;

                /** BuildRequest noCache. */
                noCache: boolean;

                /** BuildRequest cgroupParent. */
                cgroupParent: string;

                /** BuildRequest auth. */
                auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                /**
                 * Encodes the specified BuildRequest message. Does not implicitly {@link berth.engine.v1.BuildRequest.verify|verify} messages.
                 * @param message BuildRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.BuildRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BuildRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.BuildRequest & berth.engine.v1.BuildRequest.$Shape} BuildRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.BuildRequest & berth.engine.v1.BuildRequest.$Shape;
            }

            namespace BuildRequest {

                /** Properties of a BuildRequest. */
                interface $Properties {

                    /** BuildRequest contextPath */
                    contextPath?: (string|null);

                    /** BuildRequest dockerfile */
                    dockerfile?: (string|null);

                    /** BuildRequest tags */
                    tags?: (string[]|null);

                    /** BuildRequest buildArgs */
                    buildArgs?: ({ [k: string]: string }|null);

                    /** BuildRequest target */
                    target?: (string|null);

                    /** BuildRequest noCache */
                    noCache?: (boolean|null);

                    /** BuildRequest cgroupParent */
                    cgroupParent?: (string|null);

                    /** BuildRequest auth */
                    auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a BuildRequest. */
                type $Shape = berth.engine.v1.BuildRequest.$Properties;
            }

            /**
             * Properties of a BuildOutput.
             * @deprecated Use berth.engine.v1.BuildOutput.$Properties instead.
             */
            interface IBuildOutput extends berth.engine.v1.BuildOutput.$Properties {
            }

            /** Represents a BuildOutput. */
            class BuildOutput {

                /**
                 * Constructs a new BuildOutput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.BuildOutput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BuildOutput text. */
                text?: (string|null);

                /** BuildOutput imageId. */
                imageId?: (string|null);

                /** BuildOutput output. */
                output?: ("text"|"imageId");

                /**
                 * Encodes the specified BuildOutput message. Does not implicitly {@link berth.engine.v1.BuildOutput.verify|verify} messages.
                 * @param message BuildOutput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.BuildOutput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BuildOutput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.BuildOutput & berth.engine.v1.BuildOutput.$Shape} BuildOutput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.BuildOutput & berth.engine.v1.BuildOutput.$Shape;
            }

            namespace BuildOutput {

                /** Properties of a BuildOutput. */
                interface $Properties {

                    /** BuildOutput text */
                    text?: (string|null);

                    /** BuildOutput imageId */
                    imageId?: (string|null);

                    /** BuildOutput output */
                    output?: ("text"|"imageId");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a BuildOutput. */
                type $Shape = {
                  text?: string|null;
                  imageId?: string|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ output?: undefined; text?: null; imageId?: null }|{ output?: "text"; text: string; imageId?: null }|{ output?: "imageId"; text?: null; imageId: string })
                );
            }

            /**
             * Properties of a ListImagesRequest.
             * @deprecated Use berth.engine.v1.ListImagesRequest.$Properties instead.
             */
            interface IListImagesRequest extends berth.engine.v1.ListImagesRequest.$Properties {
            }

            /** Represents a ListImagesRequest. */
            class ListImagesRequest {

                /**
                 * Constructs a new ListImagesRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ListImagesRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ListImagesRequest all. */
                all: boolean;

                /** ListImagesRequest reference. */
                reference: string;

                /**
                 * Encodes the specified ListImagesRequest message. Does not implicitly {@link berth.engine.v1.ListImagesRequest.verify|verify} messages.
                 * @param message ListImagesRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ListImagesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListImagesRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ListImagesRequest & berth.engine.v1.ListImagesRequest.$Shape} ListImagesRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ListImagesRequest & berth.engine.v1.ListImagesRequest.$Shape;
            }

            namespace ListImagesRequest {

                /** Properties of a ListImagesRequest. */
                interface $Properties {

                    /** ListImagesRequest all */
                    all?: (boolean|null);

                    /** ListImagesRequest reference */
                    reference?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ListImagesRequest. */
                type $Shape = berth.engine.v1.ListImagesRequest.$Properties;
            }

            /**
             * Properties of an ImageSummary.
             * @deprecated Use berth.engine.v1.ImageSummary.$Properties instead.
             */
            interface IImageSummary extends berth.engine.v1.ImageSummary.$Properties {
            }

            /** Represents an ImageSummary. */
            class ImageSummary {

                /**
                 * Constructs a new ImageSummary.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImageSummary.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImageSummary repository. */
                repository: string;

                /** ImageSummary tag. */
                tag: string;

                /** ImageSummary id. */
                id: string;

                /** ImageSummary digest. */
                digest: string;

                /** ImageSummary createdMs. */
                createdMs: number;

                /** ImageSummary size. */
                size: number;

                /**
                 * Encodes the specified ImageSummary message. Does not implicitly {@link berth.engine.v1.ImageSummary.verify|verify} messages.
                 * @param message ImageSummary message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImageSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImageSummary message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImageSummary & berth.engine.v1.ImageSummary.$Shape} ImageSummary
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImageSummary & berth.engine.v1.ImageSummary.$Shape;
            }

            namespace ImageSummary {

                /** Properties of an ImageSummary. */
                interface $Properties {

                    /** ImageSummary repository */
                    repository?: (string|null);

                    /** ImageSummary tag */
                    tag?: (string|null);

                    /** ImageSummary id */
                    id?: (string|null);

                    /** ImageSummary digest */
                    digest?: (string|null);

                    /** ImageSummary createdMs */
                    createdMs?: (number|null);

                    /** ImageSummary size */
                    size?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImageSummary. */
                type $Shape = berth.engine.v1.ImageSummary.$Properties;
            }

            /**
             * Properties of an ImageList.
             * @deprecated Use berth.engine.v1.ImageList.$Properties instead.
             */
            interface IImageList extends berth.engine.v1.ImageList.$Properties {
            }

            /** Represents an ImageList. */
            class ImageList {

                /**
                 * Constructs a new ImageList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImageList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImageList images. */
                images: berth.engine.v1.ImageSummary.$Properties[];

                /**
                 * Encodes the specified ImageList message. Does not implicitly {@link berth.engine.v1.ImageList.verify|verify} messages.
                 * @param message ImageList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImageList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImageList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImageList & berth.engine.v1.ImageList.$Shape} ImageList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImageList & berth.engine.v1.ImageList.$Shape;
            }

            namespace ImageList {

                /** Properties of an ImageList. */
                interface $Properties {

                    /** ImageList images */
                    images?: (berth.engine.v1.ImageSummary.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImageList. */
                type $Shape = berth.engine.v1.ImageList.$Properties;
            }

            /**
             * Properties of a HistoryRow.
             * @deprecated Use berth.engine.v1.HistoryRow.$Properties instead.
             */
            interface IHistoryRow extends berth.engine.v1.HistoryRow.$Properties {
            }

            /** Represents a HistoryRow. */
            class HistoryRow {

                /**
                 * Constructs a new HistoryRow.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.HistoryRow.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** HistoryRow id. */
                id: string;

                /** HistoryRow createdMs. */
                createdMs: number;

                /** HistoryRow createdBy. */
                createdBy: string;

                /** HistoryRow size. */
                size: number;

                /** HistoryRow comment. */
                comment: string;

                /**
                 * Encodes the specified HistoryRow message. Does not implicitly {@link berth.engine.v1.HistoryRow.verify|verify} messages.
                 * @param message HistoryRow message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.HistoryRow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HistoryRow message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.HistoryRow & berth.engine.v1.HistoryRow.$Shape} HistoryRow
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.HistoryRow & berth.engine.v1.HistoryRow.$Shape;
            }

            namespace HistoryRow {

                /** Properties of a HistoryRow. */
                interface $Properties {

                    /** HistoryRow id */
                    id?: (string|null);

                    /** HistoryRow createdMs */
                    createdMs?: (number|null);

                    /** HistoryRow createdBy */
                    createdBy?: (string|null);

                    /** HistoryRow size */
                    size?: (number|null);

                    /** HistoryRow comment */
                    comment?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a HistoryRow. */
                type $Shape = berth.engine.v1.HistoryRow.$Properties;
            }

            /**
             * Properties of a HistoryResponse.
             * @deprecated Use berth.engine.v1.HistoryResponse.$Properties instead.
             */
            interface IHistoryResponse extends berth.engine.v1.HistoryResponse.$Properties {
            }

            /** Represents a HistoryResponse. */
            class HistoryResponse {

                /**
                 * Constructs a new HistoryResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.HistoryResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** HistoryResponse rows. */
                rows: berth.engine.v1.HistoryRow.$Properties[];

                /**
                 * Encodes the specified HistoryResponse message. Does not implicitly {@link berth.engine.v1.HistoryResponse.verify|verify} messages.
                 * @param message HistoryResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.HistoryResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a HistoryResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.HistoryResponse & berth.engine.v1.HistoryResponse.$Shape} HistoryResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.HistoryResponse & berth.engine.v1.HistoryResponse.$Shape;
            }

            namespace HistoryResponse {

                /** Properties of a HistoryResponse. */
                interface $Properties {

                    /** HistoryResponse rows */
                    rows?: (berth.engine.v1.HistoryRow.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a HistoryResponse. */
                type $Shape = berth.engine.v1.HistoryResponse.$Properties;
            }

            /**
             * Properties of a TagRequest.
             * @deprecated Use berth.engine.v1.TagRequest.$Properties instead.
             */
            interface ITagRequest extends berth.engine.v1.TagRequest.$Properties {
            }

            /** Represents a TagRequest. */
            class TagRequest {

                /**
                 * Constructs a new TagRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.TagRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TagRequest source. */
                source: string;

                /** TagRequest target. */
                target: string;

                /**
                 * Encodes the specified TagRequest message. Does not implicitly {@link berth.engine.v1.TagRequest.verify|verify} messages.
                 * @param message TagRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.TagRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TagRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.TagRequest & berth.engine.v1.TagRequest.$Shape} TagRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.TagRequest & berth.engine.v1.TagRequest.$Shape;
            }

            namespace TagRequest {

                /** Properties of a TagRequest. */
                interface $Properties {

                    /** TagRequest source */
                    source?: (string|null);

                    /** TagRequest target */
                    target?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TagRequest. */
                type $Shape = berth.engine.v1.TagRequest.$Properties;
            }

            /**
             * Properties of a RemoveImageRequest.
             * @deprecated Use berth.engine.v1.RemoveImageRequest.$Properties instead.
             */
            interface IRemoveImageRequest extends berth.engine.v1.RemoveImageRequest.$Properties {
            }

            /** Represents a RemoveImageRequest. */
            class RemoveImageRequest {

                /**
                 * Constructs a new RemoveImageRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RemoveImageRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveImageRequest name. */
                name: string;

                /** RemoveImageRequest force. */
                force: boolean;

                /**
                 * Encodes the specified RemoveImageRequest message. Does not implicitly {@link berth.engine.v1.RemoveImageRequest.verify|verify} messages.
                 * @param message RemoveImageRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RemoveImageRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveImageRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RemoveImageRequest & berth.engine.v1.RemoveImageRequest.$Shape} RemoveImageRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RemoveImageRequest & berth.engine.v1.RemoveImageRequest.$Shape;
            }

            namespace RemoveImageRequest {

                /** Properties of a RemoveImageRequest. */
                interface $Properties {

                    /** RemoveImageRequest name */
                    name?: (string|null);

                    /** RemoveImageRequest force */
                    force?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveImageRequest. */
                type $Shape = berth.engine.v1.RemoveImageRequest.$Properties;
            }

            /**
             * Properties of a RemoveImageResponse.
             * @deprecated Use berth.engine.v1.RemoveImageResponse.$Properties instead.
             */
            interface IRemoveImageResponse extends berth.engine.v1.RemoveImageResponse.$Properties {
            }

            /** Represents a RemoveImageResponse. */
            class RemoveImageResponse {

                /**
                 * Constructs a new RemoveImageResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RemoveImageResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveImageResponse untagged. */
                untagged: string[];

                /** RemoveImageResponse deleted. */
                deleted: string[];

                /**
                 * Encodes the specified RemoveImageResponse message. Does not implicitly {@link berth.engine.v1.RemoveImageResponse.verify|verify} messages.
                 * @param message RemoveImageResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RemoveImageResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveImageResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RemoveImageResponse & berth.engine.v1.RemoveImageResponse.$Shape} RemoveImageResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RemoveImageResponse & berth.engine.v1.RemoveImageResponse.$Shape;
            }

            namespace RemoveImageResponse {

                /** Properties of a RemoveImageResponse. */
                interface $Properties {

                    /** RemoveImageResponse untagged */
                    untagged?: (string[]|null);

                    /** RemoveImageResponse deleted */
                    deleted?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveImageResponse. */
                type $Shape = berth.engine.v1.RemoveImageResponse.$Properties;
            }

            /**
             * Properties of a PruneImagesRequest.
             * @deprecated Use berth.engine.v1.PruneImagesRequest.$Properties instead.
             */
            interface IPruneImagesRequest extends berth.engine.v1.PruneImagesRequest.$Properties {
            }

            /** Represents a PruneImagesRequest. */
            class PruneImagesRequest {

                /**
                 * Constructs a new PruneImagesRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.PruneImagesRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PruneImagesRequest all. */
                all: boolean;

                /**
                 * Encodes the specified PruneImagesRequest message. Does not implicitly {@link berth.engine.v1.PruneImagesRequest.verify|verify} messages.
                 * @param message PruneImagesRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.PruneImagesRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PruneImagesRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.PruneImagesRequest & berth.engine.v1.PruneImagesRequest.$Shape} PruneImagesRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.PruneImagesRequest & berth.engine.v1.PruneImagesRequest.$Shape;
            }

            namespace PruneImagesRequest {

                /** Properties of a PruneImagesRequest. */
                interface $Properties {

                    /** PruneImagesRequest all */
                    all?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PruneImagesRequest. */
                type $Shape = berth.engine.v1.PruneImagesRequest.$Properties;
            }

            /**
             * Properties of a SaveRequest.
             * @deprecated Use berth.engine.v1.SaveRequest.$Properties instead.
             */
            interface ISaveRequest extends berth.engine.v1.SaveRequest.$Properties {
            }

            /** Represents a SaveRequest. */
            class SaveRequest {

                /**
                 * Constructs a new SaveRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.SaveRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SaveRequest names. */
                names: string[];

                /** SaveRequest format. */
                format: string;

                /**
                 * Encodes the specified SaveRequest message. Does not implicitly {@link berth.engine.v1.SaveRequest.verify|verify} messages.
                 * @param message SaveRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.SaveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SaveRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.SaveRequest & berth.engine.v1.SaveRequest.$Shape} SaveRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.SaveRequest & berth.engine.v1.SaveRequest.$Shape;
            }

            namespace SaveRequest {

                /** Properties of a SaveRequest. */
                interface $Properties {

                    /** SaveRequest names */
                    names?: (string[]|null);

                    /** SaveRequest format */
                    format?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SaveRequest. */
                type $Shape = berth.engine.v1.SaveRequest.$Properties;
            }

            /**
             * Properties of a LoadResponse.
             * @deprecated Use berth.engine.v1.LoadResponse.$Properties instead.
             */
            interface ILoadResponse extends berth.engine.v1.LoadResponse.$Properties {
            }

            /** Represents a LoadResponse. */
            class LoadResponse {

                /**
                 * Constructs a new LoadResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.LoadResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LoadResponse loaded. */
                loaded: string[];

                /**
                 * Encodes the specified LoadResponse message. Does not implicitly {@link berth.engine.v1.LoadResponse.verify|verify} messages.
                 * @param message LoadResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.LoadResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LoadResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.LoadResponse & berth.engine.v1.LoadResponse.$Shape} LoadResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.LoadResponse & berth.engine.v1.LoadResponse.$Shape;
            }

            namespace LoadResponse {

                /** Properties of a LoadResponse. */
                interface $Properties {

                    /** LoadResponse loaded */
                    loaded?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LoadResponse. */
                type $Shape = berth.engine.v1.LoadResponse.$Properties;
            }

            /**
             * Properties of an ImportInput.
             * @deprecated Use berth.engine.v1.ImportInput.$Properties instead.
             */
            interface IImportInput extends berth.engine.v1.ImportInput.$Properties {
            }

            /** Represents an ImportInput. */
            class ImportInput {

                /**
                 * Constructs a new ImportInput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImportInput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImportInput options. */
                options?: (berth.engine.v1.ImportOptions.$Properties|null);

                /** ImportInput data. */
                data?: (Uint8Array|null);

                /** ImportInput input. */
                input?: ("options"|"data");

                /**
                 * Encodes the specified ImportInput message. Does not implicitly {@link berth.engine.v1.ImportInput.verify|verify} messages.
                 * @param message ImportInput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImportInput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImportInput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImportInput & berth.engine.v1.ImportInput.$Shape} ImportInput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImportInput & berth.engine.v1.ImportInput.$Shape;
            }

            namespace ImportInput {

                /** Properties of an ImportInput. */
                interface $Properties {

                    /** ImportInput options */
                    options?: (berth.engine.v1.ImportOptions.$Properties|null);

                    /** ImportInput data */
                    data?: (Uint8Array|null);

                    /** ImportInput input */
                    input?: ("options"|"data");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an ImportInput. */
                type $Shape = {
                  options?: berth.engine.v1.ImportOptions.$Shape|null;
                  data?: Uint8Array|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; options?: null; data?: null }|{ input?: "options"; options: berth.engine.v1.ImportOptions.$Shape; data?: null }|{ input?: "data"; options?: null; data: Uint8Array })
                );
            }

            /**
             * Properties of an ImportOptions.
             * @deprecated Use berth.engine.v1.ImportOptions.$Properties instead.
             */
            interface IImportOptions extends berth.engine.v1.ImportOptions.$Properties {
            }

            /** Represents an ImportOptions. */
            class ImportOptions {

                /**
                 * Constructs a new ImportOptions.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ImportOptions.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImportOptions reference. */
                reference: string;

                /** ImportOptions changes. */
                changes: string[];

                /** ImportOptions message. */
                message: string;

                /**
                 * Encodes the specified ImportOptions message. Does not implicitly {@link berth.engine.v1.ImportOptions.verify|verify} messages.
                 * @param message ImportOptions message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ImportOptions.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImportOptions message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ImportOptions & berth.engine.v1.ImportOptions.$Shape} ImportOptions
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ImportOptions & berth.engine.v1.ImportOptions.$Shape;
            }

            namespace ImportOptions {

                /** Properties of an ImportOptions. */
                interface $Properties {

                    /** ImportOptions reference */
                    reference?: (string|null);

                    /** ImportOptions changes */
                    changes?: (string[]|null);

                    /** ImportOptions message */
                    message?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImportOptions. */
                type $Shape = berth.engine.v1.ImportOptions.$Properties;
            }

            /**
             * Properties of a LoginRequest.
             * @deprecated Use berth.engine.v1.LoginRequest.$Properties instead.
             */
            interface ILoginRequest extends berth.engine.v1.LoginRequest.$Properties {
            }

            /** Represents a LoginRequest. */
            class LoginRequest {

                /**
                 * Constructs a new LoginRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.LoginRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LoginRequest server. */
                server: string;

                /** LoginRequest auth. */
                auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                /**
                 * Encodes the specified LoginRequest message. Does not implicitly {@link berth.engine.v1.LoginRequest.verify|verify} messages.
                 * @param message LoginRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.LoginRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LoginRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.LoginRequest & berth.engine.v1.LoginRequest.$Shape} LoginRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.LoginRequest & berth.engine.v1.LoginRequest.$Shape;
            }

            namespace LoginRequest {

                /** Properties of a LoginRequest. */
                interface $Properties {

                    /** LoginRequest server */
                    server?: (string|null);

                    /** LoginRequest auth */
                    auth?: (berth.engine.v1.RegistryAuth.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LoginRequest. */
                type $Shape = berth.engine.v1.LoginRequest.$Properties;
            }

            /**
             * Properties of a CreateVolumeRequest.
             * @deprecated Use berth.engine.v1.CreateVolumeRequest.$Properties instead.
             */
            interface ICreateVolumeRequest extends berth.engine.v1.CreateVolumeRequest.$Properties {
            }

            /** Represents a CreateVolumeRequest. */
            class CreateVolumeRequest {

                /**
                 * Constructs a new CreateVolumeRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CreateVolumeRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateVolumeRequest name. */
                name: string;

                /** CreateVolumeRequest labels. */
                labels: { [k: string]: string };

                /** CreateVolumeRequest driver. */
                driver: string;

                /**
                 * Encodes the specified CreateVolumeRequest message. Does not implicitly {@link berth.engine.v1.CreateVolumeRequest.verify|verify} messages.
                 * @param message CreateVolumeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CreateVolumeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateVolumeRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CreateVolumeRequest & berth.engine.v1.CreateVolumeRequest.$Shape} CreateVolumeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CreateVolumeRequest & berth.engine.v1.CreateVolumeRequest.$Shape;
            }

            namespace CreateVolumeRequest {

                /** Properties of a CreateVolumeRequest. */
                interface $Properties {

                    /** CreateVolumeRequest name */
                    name?: (string|null);

                    /** CreateVolumeRequest labels */
                    labels?: ({ [k: string]: string }|null);

                    /** CreateVolumeRequest driver */
                    driver?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateVolumeRequest. */
                type $Shape = berth.engine.v1.CreateVolumeRequest.$Properties;
            }

            /**
             * Properties of a VolumeSummary.
             * @deprecated Use berth.engine.v1.VolumeSummary.$Properties instead.
             */
            interface IVolumeSummary extends berth.engine.v1.VolumeSummary.$Properties {
            }

            /** Represents a VolumeSummary. */
            class VolumeSummary {

                /**
                 * Constructs a new VolumeSummary.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.VolumeSummary.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VolumeSummary name. */
                name: string;

                /** VolumeSummary driver. */
                driver: string;

                /** VolumeSummary mountpoint. */
                mountpoint: string;

                /** VolumeSummary createdMs. */
                createdMs: number;

                /** VolumeSummary labels. */
                labels: { [k: string]: string };

                /**
                 * Encodes the specified VolumeSummary message. Does not implicitly {@link berth.engine.v1.VolumeSummary.verify|verify} messages.
                 * @param message VolumeSummary message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.VolumeSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VolumeSummary message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.VolumeSummary & berth.engine.v1.VolumeSummary.$Shape} VolumeSummary
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.VolumeSummary & berth.engine.v1.VolumeSummary.$Shape;
            }

            namespace VolumeSummary {

                /** Properties of a VolumeSummary. */
                interface $Properties {

                    /** VolumeSummary name */
                    name?: (string|null);

                    /** VolumeSummary driver */
                    driver?: (string|null);

                    /** VolumeSummary mountpoint */
                    mountpoint?: (string|null);

                    /** VolumeSummary createdMs */
                    createdMs?: (number|null);

                    /** VolumeSummary labels */
                    labels?: ({ [k: string]: string }|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VolumeSummary. */
                type $Shape = berth.engine.v1.VolumeSummary.$Properties;
            }

            /**
             * Properties of a VolumeList.
             * @deprecated Use berth.engine.v1.VolumeList.$Properties instead.
             */
            interface IVolumeList extends berth.engine.v1.VolumeList.$Properties {
            }

            /** Represents a VolumeList. */
            class VolumeList {

                /**
                 * Constructs a new VolumeList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.VolumeList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VolumeList volumes. */
                volumes: berth.engine.v1.VolumeSummary.$Properties[];

                /**
                 * Encodes the specified VolumeList message. Does not implicitly {@link berth.engine.v1.VolumeList.verify|verify} messages.
                 * @param message VolumeList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.VolumeList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VolumeList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.VolumeList & berth.engine.v1.VolumeList.$Shape} VolumeList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.VolumeList & berth.engine.v1.VolumeList.$Shape;
            }

            namespace VolumeList {

                /** Properties of a VolumeList. */
                interface $Properties {

                    /** VolumeList volumes */
                    volumes?: (berth.engine.v1.VolumeSummary.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VolumeList. */
                type $Shape = berth.engine.v1.VolumeList.$Properties;
            }

            /**
             * Properties of a RemoveVolumeRequest.
             * @deprecated Use berth.engine.v1.RemoveVolumeRequest.$Properties instead.
             */
            interface IRemoveVolumeRequest extends berth.engine.v1.RemoveVolumeRequest.$Properties {
            }

            /** Represents a RemoveVolumeRequest. */
            class RemoveVolumeRequest {

                /**
                 * Constructs a new RemoveVolumeRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.RemoveVolumeRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveVolumeRequest name. */
                name: string;

                /** RemoveVolumeRequest force. */
                force: boolean;

                /**
                 * Encodes the specified RemoveVolumeRequest message. Does not implicitly {@link berth.engine.v1.RemoveVolumeRequest.verify|verify} messages.
                 * @param message RemoveVolumeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.RemoveVolumeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveVolumeRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.RemoveVolumeRequest & berth.engine.v1.RemoveVolumeRequest.$Shape} RemoveVolumeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.RemoveVolumeRequest & berth.engine.v1.RemoveVolumeRequest.$Shape;
            }

            namespace RemoveVolumeRequest {

                /** Properties of a RemoveVolumeRequest. */
                interface $Properties {

                    /** RemoveVolumeRequest name */
                    name?: (string|null);

                    /** RemoveVolumeRequest force */
                    force?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveVolumeRequest. */
                type $Shape = berth.engine.v1.RemoveVolumeRequest.$Properties;
            }

            /**
             * Properties of a CreateNetworkRequest.
             * @deprecated Use berth.engine.v1.CreateNetworkRequest.$Properties instead.
             */
            interface ICreateNetworkRequest extends berth.engine.v1.CreateNetworkRequest.$Properties {
            }

            /** Represents a CreateNetworkRequest. */
            class CreateNetworkRequest {

                /**
                 * Constructs a new CreateNetworkRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.CreateNetworkRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateNetworkRequest name. */
                name: string;

                /** CreateNetworkRequest driver. */
                driver: string;

                /** CreateNetworkRequest subnet. */
                subnet: string;

                /** CreateNetworkRequest gateway. */
                gateway: string;

                /** CreateNetworkRequest labels. */
                labels: { [k: string]: string };

                /** CreateNetworkRequest internal. */
                internal: boolean;

                /** CreateNetworkRequest attachable. */
                attachable: boolean;

                /**
                 * Encodes the specified CreateNetworkRequest message. Does not implicitly {@link berth.engine.v1.CreateNetworkRequest.verify|verify} messages.
                 * @param message CreateNetworkRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.CreateNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateNetworkRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.CreateNetworkRequest & berth.engine.v1.CreateNetworkRequest.$Shape} CreateNetworkRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.CreateNetworkRequest & berth.engine.v1.CreateNetworkRequest.$Shape;
            }

            namespace CreateNetworkRequest {

                /** Properties of a CreateNetworkRequest. */
                interface $Properties {

                    /** CreateNetworkRequest name */
                    name?: (string|null);

                    /** CreateNetworkRequest driver */
                    driver?: (string|null);

                    /** CreateNetworkRequest subnet */
                    subnet?: (string|null);

                    /** CreateNetworkRequest gateway */
                    gateway?: (string|null);

                    /** CreateNetworkRequest labels */
                    labels?: ({ [k: string]: string }|null);

                    /** CreateNetworkRequest internal */
                    internal?: (boolean|null);

                    /** CreateNetworkRequest attachable */
                    attachable?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateNetworkRequest. */
                type $Shape = berth.engine.v1.CreateNetworkRequest.$Properties;
            }

            /**
             * Properties of a NetworkSummary.
             * @deprecated Use berth.engine.v1.NetworkSummary.$Properties instead.
             */
            interface INetworkSummary extends berth.engine.v1.NetworkSummary.$Properties {
            }

            /** Represents a NetworkSummary. */
            class NetworkSummary {

                /**
                 * Constructs a new NetworkSummary.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.NetworkSummary.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** NetworkSummary id. */
                id: string;

                /** NetworkSummary name. */
                name: string;

                /** NetworkSummary driver. */
                driver: string;

                /** NetworkSummary scope. */
                scope: string;

                /** NetworkSummary subnet. */
                subnet: string;

                /** NetworkSummary createdMs. */
                createdMs: number;

                /**
                 * Encodes the specified NetworkSummary message. Does not implicitly {@link berth.engine.v1.NetworkSummary.verify|verify} messages.
                 * @param message NetworkSummary message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.NetworkSummary.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a NetworkSummary message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.NetworkSummary & berth.engine.v1.NetworkSummary.$Shape} NetworkSummary
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.NetworkSummary & berth.engine.v1.NetworkSummary.$Shape;
            }

            namespace NetworkSummary {

                /** Properties of a NetworkSummary. */
                interface $Properties {

                    /** NetworkSummary id */
                    id?: (string|null);

                    /** NetworkSummary name */
                    name?: (string|null);

                    /** NetworkSummary driver */
                    driver?: (string|null);

                    /** NetworkSummary scope */
                    scope?: (string|null);

                    /** NetworkSummary subnet */
                    subnet?: (string|null);

                    /** NetworkSummary createdMs */
                    createdMs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a NetworkSummary. */
                type $Shape = berth.engine.v1.NetworkSummary.$Properties;
            }

            /**
             * Properties of a NetworkList.
             * @deprecated Use berth.engine.v1.NetworkList.$Properties instead.
             */
            interface INetworkList extends berth.engine.v1.NetworkList.$Properties {
            }

            /** Represents a NetworkList. */
            class NetworkList {

                /**
                 * Constructs a new NetworkList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.NetworkList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** NetworkList networks. */
                networks: berth.engine.v1.NetworkSummary.$Properties[];

                /**
                 * Encodes the specified NetworkList message. Does not implicitly {@link berth.engine.v1.NetworkList.verify|verify} messages.
                 * @param message NetworkList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.NetworkList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a NetworkList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.NetworkList & berth.engine.v1.NetworkList.$Shape} NetworkList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.NetworkList & berth.engine.v1.NetworkList.$Shape;
            }

            namespace NetworkList {

                /** Properties of a NetworkList. */
                interface $Properties {

                    /** NetworkList networks */
                    networks?: (berth.engine.v1.NetworkSummary.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a NetworkList. */
                type $Shape = berth.engine.v1.NetworkList.$Properties;
            }

            /**
             * Properties of a ConnectRequest.
             * @deprecated Use berth.engine.v1.ConnectRequest.$Properties instead.
             */
            interface IConnectRequest extends berth.engine.v1.ConnectRequest.$Properties {
            }

            /** Represents a ConnectRequest. */
            class ConnectRequest {

                /**
                 * Constructs a new ConnectRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.ConnectRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ConnectRequest network. */
                network: string;

                /** ConnectRequest container. */
                container: string;

                /** ConnectRequest aliases. */
                aliases: string[];

                /** ConnectRequest force. */
                force: boolean;

                /**
                 * Encodes the specified ConnectRequest message. Does not implicitly {@link berth.engine.v1.ConnectRequest.verify|verify} messages.
                 * @param message ConnectRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.ConnectRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ConnectRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.ConnectRequest & berth.engine.v1.ConnectRequest.$Shape} ConnectRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.ConnectRequest & berth.engine.v1.ConnectRequest.$Shape;
            }

            namespace ConnectRequest {

                /** Properties of a ConnectRequest. */
                interface $Properties {

                    /** ConnectRequest network */
                    network?: (string|null);

                    /** ConnectRequest container */
                    container?: (string|null);

                    /** ConnectRequest aliases */
                    aliases?: (string[]|null);

                    /** ConnectRequest force */
                    force?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ConnectRequest. */
                type $Shape = berth.engine.v1.ConnectRequest.$Properties;
            }

            /**
             * Properties of an InitClusterRequest.
             * @deprecated Use berth.engine.v1.InitClusterRequest.$Properties instead.
             */
            interface IInitClusterRequest extends berth.engine.v1.InitClusterRequest.$Properties {
            }

            /** Represents an InitClusterRequest. */
            class InitClusterRequest {

                /**
                 * Constructs a new InitClusterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.InitClusterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** InitClusterRequest advertiseAddr. */
                advertiseAddr: string;

                /**
                 * Encodes the specified InitClusterRequest message. Does not implicitly {@link berth.engine.v1.InitClusterRequest.verify|verify} messages.
                 * @param message InitClusterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.InitClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InitClusterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.InitClusterRequest & berth.engine.v1.InitClusterRequest.$Shape} InitClusterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.InitClusterRequest & berth.engine.v1.InitClusterRequest.$Shape;
            }

            namespace InitClusterRequest {

                /** Properties of an InitClusterRequest. */
                interface $Properties {

                    /** InitClusterRequest advertiseAddr */
                    advertiseAddr?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an InitClusterRequest. */
                type $Shape = berth.engine.v1.InitClusterRequest.$Properties;
            }

            /**
             * Properties of an InitClusterResponse.
             * @deprecated Use berth.engine.v1.InitClusterResponse.$Properties instead.
             */
            interface IInitClusterResponse extends berth.engine.v1.InitClusterResponse.$Properties {
            }

            /** Represents an InitClusterResponse. */
            class InitClusterResponse {

                /**
                 * Constructs a new InitClusterResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.InitClusterResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** InitClusterResponse clusterId. */
                clusterId: string;

                /** InitClusterResponse nodeId. */
                nodeId: string;

                /** InitClusterResponse workerToken. */
                workerToken: string;

                /** InitClusterResponse managerToken. */
                managerToken: string;

                /** InitClusterResponse managerAddr. */
                managerAddr: string;

                /** InitClusterResponse caPem. */
                caPem: string;

                /** InitClusterResponse certPem. */
                certPem: string;

                /** InitClusterResponse keyPem. */
                keyPem: string;

                /**
                 * Encodes the specified InitClusterResponse message. Does not implicitly {@link berth.engine.v1.InitClusterResponse.verify|verify} messages.
                 * @param message InitClusterResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.InitClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InitClusterResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.InitClusterResponse & berth.engine.v1.InitClusterResponse.$Shape} InitClusterResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.InitClusterResponse & berth.engine.v1.InitClusterResponse.$Shape;
            }

            namespace InitClusterResponse {

                /** Properties of an InitClusterResponse. */
                interface $Properties {

                    /** InitClusterResponse clusterId */
                    clusterId?: (string|null);

                    /** InitClusterResponse nodeId */
                    nodeId?: (string|null);

                    /** InitClusterResponse workerToken */
                    workerToken?: (string|null);

                    /** InitClusterResponse managerToken */
                    managerToken?: (string|null);

                    /** InitClusterResponse managerAddr */
                    managerAddr?: (string|null);

                    /** InitClusterResponse caPem */
                    caPem?: (string|null);

                    /** InitClusterResponse certPem */
                    certPem?: (string|null);

                    /** InitClusterResponse keyPem */
                    keyPem?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an InitClusterResponse. */
                type $Shape = berth.engine.v1.InitClusterResponse.$Properties;
            }

            /**
             * Properties of a JoinClusterRequest.
             * @deprecated Use berth.engine.v1.JoinClusterRequest.$Properties instead.
             */
            interface IJoinClusterRequest extends berth.engine.v1.JoinClusterRequest.$Properties {
            }

            /** Represents a JoinClusterRequest. */
            class JoinClusterRequest {

                /**
                 * Constructs a new JoinClusterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.JoinClusterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinClusterRequest managerAddr. */
                managerAddr: string;

                /** JoinClusterRequest token. */
                token: string;

                /**
                 * Encodes the specified JoinClusterRequest message. Does not implicitly {@link berth.engine.v1.JoinClusterRequest.verify|verify} messages.
                 * @param message JoinClusterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.JoinClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinClusterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.JoinClusterRequest & berth.engine.v1.JoinClusterRequest.$Shape} JoinClusterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.JoinClusterRequest & berth.engine.v1.JoinClusterRequest.$Shape;
            }

            namespace JoinClusterRequest {

                /** Properties of a JoinClusterRequest. */
                interface $Properties {

                    /** JoinClusterRequest managerAddr */
                    managerAddr?: (string|null);

                    /** JoinClusterRequest token */
                    token?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinClusterRequest. */
                type $Shape = berth.engine.v1.JoinClusterRequest.$Properties;
            }

            /**
             * Properties of a JoinClusterResponse.
             * @deprecated Use berth.engine.v1.JoinClusterResponse.$Properties instead.
             */
            interface IJoinClusterResponse extends berth.engine.v1.JoinClusterResponse.$Properties {
            }

            /** Represents a JoinClusterResponse. */
            class JoinClusterResponse {

                /**
                 * Constructs a new JoinClusterResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.JoinClusterResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinClusterResponse nodeId. */
                nodeId: string;

                /** JoinClusterResponse role. */
                role: string;

                /** JoinClusterResponse clusterId. */
                clusterId: string;

                /**
                 * Encodes the specified JoinClusterResponse message. Does not implicitly {@link berth.engine.v1.JoinClusterResponse.verify|verify} messages.
                 * @param message JoinClusterResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.JoinClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinClusterResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.JoinClusterResponse & berth.engine.v1.JoinClusterResponse.$Shape} JoinClusterResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.JoinClusterResponse & berth.engine.v1.JoinClusterResponse.$Shape;
            }

            namespace JoinClusterResponse {

                /** Properties of a JoinClusterResponse. */
                interface $Properties {

                    /** JoinClusterResponse nodeId */
                    nodeId?: (string|null);

                    /** JoinClusterResponse role */
                    role?: (string|null);

                    /** JoinClusterResponse clusterId */
                    clusterId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinClusterResponse. */
                type $Shape = berth.engine.v1.JoinClusterResponse.$Properties;
            }

            /**
             * Properties of a LeaveClusterRequest.
             * @deprecated Use berth.engine.v1.LeaveClusterRequest.$Properties instead.
             */
            interface ILeaveClusterRequest extends berth.engine.v1.LeaveClusterRequest.$Properties {
            }

            /** Represents a LeaveClusterRequest. */
            class LeaveClusterRequest {

                /**
                 * Constructs a new LeaveClusterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.engine.v1.LeaveClusterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LeaveClusterRequest force. */
                force: boolean;

                /**
                 * Encodes the specified LeaveClusterRequest message. Does not implicitly {@link berth.engine.v1.LeaveClusterRequest.verify|verify} messages.
                 * @param message LeaveClusterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.engine.v1.LeaveClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LeaveClusterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.engine.v1.LeaveClusterRequest & berth.engine.v1.LeaveClusterRequest.$Shape} LeaveClusterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.engine.v1.LeaveClusterRequest & berth.engine.v1.LeaveClusterRequest.$Shape;
            }

            namespace LeaveClusterRequest {

                /** Properties of a LeaveClusterRequest. */
                interface $Properties {

                    /** LeaveClusterRequest force */
                    force?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LeaveClusterRequest. */
                type $Shape = berth.engine.v1.LeaveClusterRequest.$Properties;
            }
        }
    }
}
