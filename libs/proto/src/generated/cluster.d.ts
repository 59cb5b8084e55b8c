import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace berth. */
export namespace berth {

    /** Namespace cluster. */
    namespace cluster {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a CreateFileObjectRequest.
             * @deprecated Use berth.cluster.v1.CreateFileObjectRequest.$Properties instead.
             */
            interface ICreateFileObjectRequest extends berth.cluster.v1.CreateFileObjectRequest.$Properties {
            }

            /** Represents a CreateFileObjectRequest. */
            class CreateFileObjectRequest {

                /**
                 * Constructs a new CreateFileObjectRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.CreateFileObjectRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateFileObjectRequest kind. */
                kind: string;

                /** CreateFileObjectRequest specJson. */
                specJson: string;

                /** CreateFileObjectRequest data. */
                data: Uint8Array;

                /**
                 * Encodes the specified CreateFileObjectRequest message. Does not implicitly {@link berth.cluster.v1.CreateFileObjectRequest.verify|verify} messages.
                 * @param message CreateFileObjectRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.CreateFileObjectRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateFileObjectRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.CreateFileObjectRequest & berth.cluster.v1.CreateFileObjectRequest.$Shape} CreateFileObjectRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.CreateFileObjectRequest & berth.cluster.v1.CreateFileObjectRequest.$Shape;
            }

            namespace CreateFileObjectRequest {

                /** Properties of a CreateFileObjectRequest. */
                interface $Properties {

                    /** CreateFileObjectRequest kind */
                    kind?: (string|null);

                    /** CreateFileObjectRequest specJson */
                    specJson?: (string|null);

                    /** CreateFileObjectRequest data */
                    data?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateFileObjectRequest. */
                type $Shape = berth.cluster.v1.CreateFileObjectRequest.$Properties;
            }

            /**
             * Properties of a FileObjectsRequest.
             * @deprecated Use berth.cluster.v1.FileObjectsRequest.$Properties instead.
             */
            interface IFileObjectsRequest extends berth.cluster.v1.FileObjectsRequest.$Properties {
            }

            /** Represents a FileObjectsRequest. */
            class FileObjectsRequest {

                /**
                 * Constructs a new FileObjectsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.FileObjectsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FileObjectsRequest kind. */
                kind: string;

                /**
                 * Encodes the specified FileObjectsRequest message. Does not implicitly {@link berth.cluster.v1.FileObjectsRequest.verify|verify} messages.
                 * @param message FileObjectsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.FileObjectsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FileObjectsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.FileObjectsRequest & berth.cluster.v1.FileObjectsRequest.$Shape} FileObjectsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.FileObjectsRequest & berth.cluster.v1.FileObjectsRequest.$Shape;
            }

            namespace FileObjectsRequest {

                /** Properties of a FileObjectsRequest. */
                interface $Properties {

                    /** FileObjectsRequest kind */
                    kind?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FileObjectsRequest. */
                type $Shape = berth.cluster.v1.FileObjectsRequest.$Properties;
            }

            /**
             * Properties of a FileObjectRequest.
             * @deprecated Use berth.cluster.v1.FileObjectRequest.$Properties instead.
             */
            interface IFileObjectRequest extends berth.cluster.v1.FileObjectRequest.$Properties {
            }

            /** Represents a FileObjectRequest. */
            class FileObjectRequest {

                /**
                 * Constructs a new FileObjectRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.FileObjectRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FileObjectRequest kind. */
                kind: string;

                /** FileObjectRequest ref. */
                ref: string;

                /**
                 * Encodes the specified FileObjectRequest message. Does not implicitly {@link berth.cluster.v1.FileObjectRequest.verify|verify} messages.
                 * @param message FileObjectRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.FileObjectRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FileObjectRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.FileObjectRequest & berth.cluster.v1.FileObjectRequest.$Shape} FileObjectRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.FileObjectRequest & berth.cluster.v1.FileObjectRequest.$Shape;
            }

            namespace FileObjectRequest {

                /** Properties of a FileObjectRequest. */
                interface $Properties {

                    /** FileObjectRequest kind */
                    kind?: (string|null);

                    /** FileObjectRequest ref */
                    ref?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FileObjectRequest. */
                type $Shape = berth.cluster.v1.FileObjectRequest.$Properties;
            }

            /**
             * Properties of an Empty.
             * @deprecated Use berth.cluster.v1.Empty.$Properties instead.
             */
            interface IEmpty extends berth.cluster.v1.Empty.$Properties {
            }

            /** Represents an Empty. */
            class Empty {

                /**
                 * Constructs a new Empty.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.Empty.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified Empty message. Does not implicitly {@link berth.cluster.v1.Empty.verify|verify} messages.
                 * @param message Empty message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Empty message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.Empty & berth.cluster.v1.Empty.$Shape} Empty
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.Empty & berth.cluster.v1.Empty.$Shape;
            }

            namespace Empty {

                /** Properties of an Empty. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Empty. */
                type $Shape = berth.cluster.v1.Empty.$Properties;
            }

            /**
             * Properties of an InitRequest.
             * @deprecated Use berth.cluster.v1.InitRequest.$Properties instead.
             */
            interface IInitRequest extends berth.cluster.v1.InitRequest.$Properties {
            }

            /** Represents an InitRequest. */
            class InitRequest {

                /**
                 * Constructs a new InitRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.InitRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** InitRequest advertiseAddr. */
                advertiseAddr: string;

                /**
                 * Encodes the specified InitRequest message. Does not implicitly {@link berth.cluster.v1.InitRequest.verify|verify} messages.
                 * @param message InitRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.InitRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InitRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.InitRequest & berth.cluster.v1.InitRequest.$Shape} InitRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.InitRequest & berth.cluster.v1.InitRequest.$Shape;
            }

            namespace InitRequest {

                /** Properties of an InitRequest. */
                interface $Properties {

                    /** InitRequest advertiseAddr */
                    advertiseAddr?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an InitRequest. */
                type $Shape = berth.cluster.v1.InitRequest.$Properties;
            }

            /**
             * Properties of a ClientCertificate.
             * @deprecated Use berth.cluster.v1.ClientCertificate.$Properties instead.
             */
            interface IClientCertificate extends berth.cluster.v1.ClientCertificate.$Properties {
            }

            /** Represents a ClientCertificate. */
            class ClientCertificate {

                /**
                 * Constructs a new ClientCertificate.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ClientCertificate.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ClientCertificate caPem. */
                caPem: string;

                /** ClientCertificate certPem. */
                certPem: string;

                /** ClientCertificate keyPem. */
                keyPem: string;

                /**
                 * Encodes the specified ClientCertificate message. Does not implicitly {@link berth.cluster.v1.ClientCertificate.verify|verify} messages.
                 * @param message ClientCertificate message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ClientCertificate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ClientCertificate message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ClientCertificate & berth.cluster.v1.ClientCertificate.$Shape} ClientCertificate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ClientCertificate & berth.cluster.v1.ClientCertificate.$Shape;
            }

            namespace ClientCertificate {

                /** Properties of a ClientCertificate. */
                interface $Properties {

                    /** ClientCertificate caPem */
                    caPem?: (string|null);

                    /** ClientCertificate certPem */
                    certPem?: (string|null);

                    /** ClientCertificate keyPem */
                    keyPem?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ClientCertificate. */
                type $Shape = berth.cluster.v1.ClientCertificate.$Properties;
            }

            /**
             * Properties of an InitResponse.
             * @deprecated Use berth.cluster.v1.InitResponse.$Properties instead.
             */
            interface IInitResponse extends berth.cluster.v1.InitResponse.$Properties {
            }

            /** Represents an InitResponse. */
            class InitResponse {

                /**
                 * Constructs a new InitResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.InitResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** InitResponse clusterId. */
                clusterId: string;

                /** InitResponse workerToken. */
                workerToken: string;

                /** InitResponse managerToken. */
                managerToken: string;

                /** InitResponse client. */
                client?: (berth.cluster.v1.ClientCertificate.$Properties|null);

                /** InitResponse managerAddr. */
                managerAddr: string;

                /**
                 * Encodes the specified InitResponse message. Does not implicitly {@link berth.cluster.v1.InitResponse.verify|verify} messages.
                 * @param message InitResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.InitResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InitResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.InitResponse & berth.cluster.v1.InitResponse.$Shape} InitResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.InitResponse & berth.cluster.v1.InitResponse.$Shape;
            }

            namespace InitResponse {

                /** Properties of an InitResponse. */
                interface $Properties {

                    /** InitResponse clusterId */
                    clusterId?: (string|null);

                    /** InitResponse workerToken */
                    workerToken?: (string|null);

                    /** InitResponse managerToken */
                    managerToken?: (string|null);

                    /** InitResponse client */
                    client?: (berth.cluster.v1.ClientCertificate.$Properties|null);

                    /** InitResponse managerAddr */
                    managerAddr?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an InitResponse. */
                type $Shape = berth.cluster.v1.InitResponse.$Properties;
            }

            /**
             * Properties of an AttachNodeRequest.
             * @deprecated Use berth.cluster.v1.AttachNodeRequest.$Properties instead.
             */
            interface IAttachNodeRequest extends berth.cluster.v1.AttachNodeRequest.$Properties {
            }

            /** Represents an AttachNodeRequest. */
            class AttachNodeRequest {

                /**
                 * Constructs a new AttachNodeRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.AttachNodeRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachNodeRequest nodeId. */
                nodeId: string;

                /** AttachNodeRequest unlockKey. */
                unlockKey: string;

                /**
                 * Encodes the specified AttachNodeRequest message. Does not implicitly {@link berth.cluster.v1.AttachNodeRequest.verify|verify} messages.
                 * @param message AttachNodeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.AttachNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachNodeRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.AttachNodeRequest & berth.cluster.v1.AttachNodeRequest.$Shape} AttachNodeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.AttachNodeRequest & berth.cluster.v1.AttachNodeRequest.$Shape;
            }

            namespace AttachNodeRequest {

                /** Properties of an AttachNodeRequest. */
                interface $Properties {

                    /** AttachNodeRequest nodeId */
                    nodeId?: (string|null);

                    /** AttachNodeRequest unlockKey */
                    unlockKey?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AttachNodeRequest. */
                type $Shape = berth.cluster.v1.AttachNodeRequest.$Properties;
            }

            /**
             * Properties of a GetCaRequest.
             * @deprecated Use berth.cluster.v1.GetCaRequest.$Properties instead.
             */
            interface IGetCaRequest extends berth.cluster.v1.GetCaRequest.$Properties {
            }

            /** Represents a GetCaRequest. */
            class GetCaRequest {

                /**
                 * Constructs a new GetCaRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.GetCaRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified GetCaRequest message. Does not implicitly {@link berth.cluster.v1.GetCaRequest.verify|verify} messages.
                 * @param message GetCaRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.GetCaRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a GetCaRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.GetCaRequest & berth.cluster.v1.GetCaRequest.$Shape} GetCaRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.GetCaRequest & berth.cluster.v1.GetCaRequest.$Shape;
            }

            namespace GetCaRequest {

                /** Properties of a GetCaRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a GetCaRequest. */
                type $Shape = berth.cluster.v1.GetCaRequest.$Properties;
            }

            /**
             * Properties of a GetCaResponse.
             * @deprecated Use berth.cluster.v1.GetCaResponse.$Properties instead.
             */
            interface IGetCaResponse extends berth.cluster.v1.GetCaResponse.$Properties {
            }

            /** Represents a GetCaResponse. */
            class GetCaResponse {

                /**
                 * Constructs a new GetCaResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.GetCaResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** GetCaResponse caPem. */
                caPem: string;

                /**
                 * Encodes the specified GetCaResponse message. Does not implicitly {@link berth.cluster.v1.GetCaResponse.verify|verify} messages.
                 * @param message GetCaResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.GetCaResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a GetCaResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.GetCaResponse & berth.cluster.v1.GetCaResponse.$Shape} GetCaResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.GetCaResponse & berth.cluster.v1.GetCaResponse.$Shape;
            }

            namespace GetCaResponse {

                /** Properties of a GetCaResponse. */
                interface $Properties {

                    /** GetCaResponse caPem */
                    caPem?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a GetCaResponse. */
                type $Shape = berth.cluster.v1.GetCaResponse.$Properties;
            }

            /**
             * Properties of a JoinRequest.
             * @deprecated Use berth.cluster.v1.JoinRequest.$Properties instead.
             */
            interface IJoinRequest extends berth.cluster.v1.JoinRequest.$Properties {
            }

            /** Represents a JoinRequest. */
            class JoinRequest {

                /**
                 * Constructs a new JoinRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.JoinRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinRequest token. */
                token: string;

                /** JoinRequest csrPem. */
                csrPem: string;

                /** JoinRequest descriptionJson. */
                descriptionJson: string;

                /** JoinRequest nodeId. */
                nodeId: string;

                /**
                 * Encodes the specified JoinRequest message. Does not implicitly {@link berth.cluster.v1.JoinRequest.verify|verify} messages.
                 * @param message JoinRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.JoinRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.JoinRequest & berth.cluster.v1.JoinRequest.$Shape} JoinRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.JoinRequest & berth.cluster.v1.JoinRequest.$Shape;
            }

            namespace JoinRequest {

                /** Properties of a JoinRequest. */
                interface $Properties {

                    /** JoinRequest token */
                    token?: (string|null);

                    /** JoinRequest csrPem */
                    csrPem?: (string|null);

                    /** JoinRequest descriptionJson */
                    descriptionJson?: (string|null);

                    /** JoinRequest nodeId */
                    nodeId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinRequest. */
                type $Shape = berth.cluster.v1.JoinRequest.$Properties;
            }

            /**
             * Properties of a JoinResponse.
             * @deprecated Use berth.cluster.v1.JoinResponse.$Properties instead.
             */
            interface IJoinResponse extends berth.cluster.v1.JoinResponse.$Properties {
            }

            /** Represents a JoinResponse. */
            class JoinResponse {

                /**
                 * Constructs a new JoinResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.JoinResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinResponse nodeId. */
                nodeId: string;

                /** JoinResponse role. */
                role: string;

                /** JoinResponse certPem. */
                certPem: string;

                /** JoinResponse caPem. */
                caPem: string;

                /** JoinResponse clusterId. */
                clusterId: string;

                /**
                 * Encodes the specified JoinResponse message. Does not implicitly {@link berth.cluster.v1.JoinResponse.verify|verify} messages.
                 * @param message JoinResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.JoinResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.JoinResponse & berth.cluster.v1.JoinResponse.$Shape} JoinResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.JoinResponse & berth.cluster.v1.JoinResponse.$Shape;
            }

            namespace JoinResponse {

                /** Properties of a JoinResponse. */
                interface $Properties {

                    /** JoinResponse nodeId */
                    nodeId?: (string|null);

                    /** JoinResponse role */
                    role?: (string|null);

                    /** JoinResponse certPem */
                    certPem?: (string|null);

                    /** JoinResponse caPem */
                    caPem?: (string|null);

                    /** JoinResponse clusterId */
                    clusterId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinResponse. */
                type $Shape = berth.cluster.v1.JoinResponse.$Properties;
            }

            /**
             * Properties of an InspectRequest.
             * @deprecated Use berth.cluster.v1.InspectRequest.$Properties instead.
             */
            interface IInspectRequest extends berth.cluster.v1.InspectRequest.$Properties {
            }

            /** Represents an InspectRequest. */
            class InspectRequest {

                /**
                 * Constructs a new InspectRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.InspectRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified InspectRequest message. Does not implicitly {@link berth.cluster.v1.InspectRequest.verify|verify} messages.
                 * @param message InspectRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.InspectRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an InspectRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.InspectRequest & berth.cluster.v1.InspectRequest.$Shape} InspectRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.InspectRequest & berth.cluster.v1.InspectRequest.$Shape;
            }

            namespace InspectRequest {

                /** Properties of an InspectRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an InspectRequest. */
                type $Shape = berth.cluster.v1.InspectRequest.$Properties;
            }

            /**
             * Properties of a JoinTokenRequest.
             * @deprecated Use berth.cluster.v1.JoinTokenRequest.$Properties instead.
             */
            interface IJoinTokenRequest extends berth.cluster.v1.JoinTokenRequest.$Properties {
            }

            /** Represents a JoinTokenRequest. */
            class JoinTokenRequest {

                /**
                 * Constructs a new JoinTokenRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.JoinTokenRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinTokenRequest role. */
                role: string;

                /** JoinTokenRequest rotate. */
                rotate: boolean;

                /**
                 * Encodes the specified JoinTokenRequest message. Does not implicitly {@link berth.cluster.v1.JoinTokenRequest.verify|verify} messages.
                 * @param message JoinTokenRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.JoinTokenRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinTokenRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.JoinTokenRequest & berth.cluster.v1.JoinTokenRequest.$Shape} JoinTokenRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.JoinTokenRequest & berth.cluster.v1.JoinTokenRequest.$Shape;
            }

            namespace JoinTokenRequest {

                /** Properties of a JoinTokenRequest. */
                interface $Properties {

                    /** JoinTokenRequest role */
                    role?: (string|null);

                    /** JoinTokenRequest rotate */
                    rotate?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinTokenRequest. */
                type $Shape = berth.cluster.v1.JoinTokenRequest.$Properties;
            }

            /**
             * Properties of a JoinTokenReply.
             * @deprecated Use berth.cluster.v1.JoinTokenReply.$Properties instead.
             */
            interface IJoinTokenReply extends berth.cluster.v1.JoinTokenReply.$Properties {
            }

            /** Represents a JoinTokenReply. */
            class JoinTokenReply {

                /**
                 * Constructs a new JoinTokenReply.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.JoinTokenReply.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** JoinTokenReply token. */
                token: string;

                /**
                 * Encodes the specified JoinTokenReply message. Does not implicitly {@link berth.cluster.v1.JoinTokenReply.verify|verify} messages.
                 * @param message JoinTokenReply message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.JoinTokenReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a JoinTokenReply message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.JoinTokenReply & berth.cluster.v1.JoinTokenReply.$Shape} JoinTokenReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.JoinTokenReply & berth.cluster.v1.JoinTokenReply.$Shape;
            }

            namespace JoinTokenReply {

                /** Properties of a JoinTokenReply. */
                interface $Properties {

                    /** JoinTokenReply token */
                    token?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a JoinTokenReply. */
                type $Shape = berth.cluster.v1.JoinTokenReply.$Properties;
            }

            /**
             * Properties of an IssueClientCertificateRequest.
             * @deprecated Use berth.cluster.v1.IssueClientCertificateRequest.$Properties instead.
             */
            interface IIssueClientCertificateRequest extends berth.cluster.v1.IssueClientCertificateRequest.$Properties {
            }

            /** Represents an IssueClientCertificateRequest. */
            class IssueClientCertificateRequest {

                /**
                 * Constructs a new IssueClientCertificateRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.IssueClientCertificateRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** IssueClientCertificateRequest name. */
                name: string;

                /**
                 * Encodes the specified IssueClientCertificateRequest message. Does not implicitly {@link berth.cluster.v1.IssueClientCertificateRequest.verify|verify} messages.
                 * @param message IssueClientCertificateRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.IssueClientCertificateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an IssueClientCertificateRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.IssueClientCertificateRequest & berth.cluster.v1.IssueClientCertificateRequest.$Shape} IssueClientCertificateRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.IssueClientCertificateRequest & berth.cluster.v1.IssueClientCertificateRequest.$Shape;
            }

            namespace IssueClientCertificateRequest {

                /** Properties of an IssueClientCertificateRequest. */
                interface $Properties {

                    /** IssueClientCertificateRequest name */
                    name?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an IssueClientCertificateRequest. */
                type $Shape = berth.cluster.v1.IssueClientCertificateRequest.$Properties;
            }

            /**
             * Properties of a ManagersReply.
             * @deprecated Use berth.cluster.v1.ManagersReply.$Properties instead.
             */
            interface IManagersReply extends berth.cluster.v1.ManagersReply.$Properties {
            }

            /** Represents a ManagersReply. */
            class ManagersReply {

                /**
                 * Constructs a new ManagersReply.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ManagersReply.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ManagersReply addresses. */
                addresses: string[];

                /**
                 * Encodes the specified ManagersReply message. Does not implicitly {@link berth.cluster.v1.ManagersReply.verify|verify} messages.
                 * @param message ManagersReply message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ManagersReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ManagersReply message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ManagersReply & berth.cluster.v1.ManagersReply.$Shape} ManagersReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ManagersReply & berth.cluster.v1.ManagersReply.$Shape;
            }

            namespace ManagersReply {

                /** Properties of a ManagersReply. */
                interface $Properties {

                    /** ManagersReply addresses */
                    addresses?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ManagersReply. */
                type $Shape = berth.cluster.v1.ManagersReply.$Properties;
            }

            /**
             * Properties of a ListRequest.
             * @deprecated Use berth.cluster.v1.ListRequest.$Properties instead.
             */
            interface IListRequest extends berth.cluster.v1.ListRequest.$Properties {
            }

            /** Represents a ListRequest. */
            class ListRequest {

                /**
                 * Constructs a new ListRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ListRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ListRequest filters. */
                filters: { [k: string]: string };

                /** ListRequest withStatus. */
                withStatus: boolean;

                /**
                 * Encodes the specified ListRequest message. Does not implicitly {@link berth.cluster.v1.ListRequest.verify|verify} messages.
                 * @param message ListRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ListRequest & berth.cluster.v1.ListRequest.$Shape} ListRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ListRequest & berth.cluster.v1.ListRequest.$Shape;
            }

            namespace ListRequest {

                /** Properties of a ListRequest. */
                interface $Properties {

                    /** ListRequest filters */
                    filters?: ({ [k: string]: string }|null);

                    /** ListRequest withStatus */
                    withStatus?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ListRequest. */
                type $Shape = berth.cluster.v1.ListRequest.$Properties;
            }

            /**
             * Properties of a GetRequest.
             * @deprecated Use berth.cluster.v1.GetRequest.$Properties instead.
             */
            interface IGetRequest extends berth.cluster.v1.GetRequest.$Properties {
            }

            /** Represents a GetRequest. */
            class GetRequest {

                /**
                 * Constructs a new GetRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.GetRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** GetRequest ref. */
                ref: string;

                /**
                 * Encodes the specified GetRequest message. Does not implicitly {@link berth.cluster.v1.GetRequest.verify|verify} messages.
                 * @param message GetRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.GetRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a GetRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.GetRequest & berth.cluster.v1.GetRequest.$Shape} GetRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.GetRequest & berth.cluster.v1.GetRequest.$Shape;
            }

            namespace GetRequest {

                /** Properties of a GetRequest. */
                interface $Properties {

                    /** GetRequest ref */
                    ref?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a GetRequest. */
                type $Shape = berth.cluster.v1.GetRequest.$Properties;
            }

            /**
             * Properties of a RemoveRequest.
             * @deprecated Use berth.cluster.v1.RemoveRequest.$Properties instead.
             */
            interface IRemoveRequest extends berth.cluster.v1.RemoveRequest.$Properties {
            }

            /** Represents a RemoveRequest. */
            class RemoveRequest {

                /**
                 * Constructs a new RemoveRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.RemoveRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveRequest ref. */
                ref: string;

                /** RemoveRequest force. */
                force: boolean;

                /**
                 * Encodes the specified RemoveRequest message. Does not implicitly {@link berth.cluster.v1.RemoveRequest.verify|verify} messages.
                 * @param message RemoveRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.RemoveRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.RemoveRequest & berth.cluster.v1.RemoveRequest.$Shape} RemoveRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.RemoveRequest & berth.cluster.v1.RemoveRequest.$Shape;
            }

            namespace RemoveRequest {

                /** Properties of a RemoveRequest. */
                interface $Properties {

                    /** RemoveRequest ref */
                    ref?: (string|null);

                    /** RemoveRequest force */
                    force?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveRequest. */
                type $Shape = berth.cluster.v1.RemoveRequest.$Properties;
            }

            /**
             * Properties of a WatchServiceRequest.
             * @deprecated Use berth.cluster.v1.WatchServiceRequest.$Properties instead.
             */
            interface IWatchServiceRequest extends berth.cluster.v1.WatchServiceRequest.$Properties {
            }

            /** Represents a WatchServiceRequest. */
            class WatchServiceRequest {

                /**
                 * Constructs a new WatchServiceRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.WatchServiceRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** WatchServiceRequest ref. */
                ref: string;

                /** WatchServiceRequest withTasks. */
                withTasks: boolean;

                /**
                 * Encodes the specified WatchServiceRequest message. Does not implicitly {@link berth.cluster.v1.WatchServiceRequest.verify|verify} messages.
                 * @param message WatchServiceRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.WatchServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a WatchServiceRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.WatchServiceRequest & berth.cluster.v1.WatchServiceRequest.$Shape} WatchServiceRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.WatchServiceRequest & berth.cluster.v1.WatchServiceRequest.$Shape;
            }

            namespace WatchServiceRequest {

                /** Properties of a WatchServiceRequest. */
                interface $Properties {

                    /** WatchServiceRequest ref */
                    ref?: (string|null);

                    /** WatchServiceRequest withTasks */
                    withTasks?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a WatchServiceRequest. */
                type $Shape = berth.cluster.v1.WatchServiceRequest.$Properties;
            }

            /**
             * Properties of a ServiceState.
             * @deprecated Use berth.cluster.v1.ServiceState.$Properties instead.
             */
            interface IServiceState extends berth.cluster.v1.ServiceState.$Properties {
            }

            /** Represents a ServiceState. */
            class ServiceState {

                /**
                 * Constructs a new ServiceState.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceState.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceState json. */
                json: string;

                /** ServiceState taskJson. */
                taskJson: string[];

                /**
                 * Encodes the specified ServiceState message. Does not implicitly {@link berth.cluster.v1.ServiceState.verify|verify} messages.
                 * @param message ServiceState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceState message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceState & berth.cluster.v1.ServiceState.$Shape} ServiceState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceState & berth.cluster.v1.ServiceState.$Shape;
            }

            namespace ServiceState {

                /** Properties of a ServiceState. */
                interface $Properties {

                    /** ServiceState json */
                    json?: (string|null);

                    /** ServiceState taskJson */
                    taskJson?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ServiceState. */
                type $Shape = berth.cluster.v1.ServiceState.$Properties;
            }

            /**
             * Properties of an ObjectReply.
             * @deprecated Use berth.cluster.v1.ObjectReply.$Properties instead.
             */
            interface IObjectReply extends berth.cluster.v1.ObjectReply.$Properties {
            }

            /** Represents an ObjectReply. */
            class ObjectReply {

                /**
                 * Constructs a new ObjectReply.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ObjectReply.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ObjectReply json. */
                json: string;

                /**
                 * Encodes the specified ObjectReply message. Does not implicitly {@link berth.cluster.v1.ObjectReply.verify|verify} messages.
                 * @param message ObjectReply message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ObjectReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ObjectReply message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ObjectReply & berth.cluster.v1.ObjectReply.$Shape} ObjectReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ObjectReply & berth.cluster.v1.ObjectReply.$Shape;
            }

            namespace ObjectReply {

                /** Properties of an ObjectReply. */
                interface $Properties {

                    /** ObjectReply json */
                    json?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ObjectReply. */
                type $Shape = berth.cluster.v1.ObjectReply.$Properties;
            }

            /**
             * Properties of an ObjectsReply.
             * @deprecated Use berth.cluster.v1.ObjectsReply.$Properties instead.
             */
            interface IObjectsReply extends berth.cluster.v1.ObjectsReply.$Properties {
            }

            /** Represents an ObjectsReply. */
            class ObjectsReply {

                /**
                 * Constructs a new ObjectsReply.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ObjectsReply.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ObjectsReply json. */
                json: string[];

                /** ObjectsReply statuses. */
                statuses: berth.cluster.v1.ServiceCounts.$Properties[];

                /**
                 * Encodes the specified ObjectsReply message. Does not implicitly {@link berth.cluster.v1.ObjectsReply.verify|verify} messages.
                 * @param message ObjectsReply message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ObjectsReply.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ObjectsReply message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ObjectsReply & berth.cluster.v1.ObjectsReply.$Shape} ObjectsReply
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ObjectsReply & berth.cluster.v1.ObjectsReply.$Shape;
            }

            namespace ObjectsReply {

                /** Properties of an ObjectsReply. */
                interface $Properties {

                    /** ObjectsReply json */
                    json?: (string[]|null);

                    /** ObjectsReply statuses */
                    statuses?: (berth.cluster.v1.ServiceCounts.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ObjectsReply. */
                type $Shape = berth.cluster.v1.ObjectsReply.$Properties;
            }

            /**
             * Properties of a ServiceCounts.
             * @deprecated Use berth.cluster.v1.ServiceCounts.$Properties instead.
             */
            interface IServiceCounts extends berth.cluster.v1.ServiceCounts.$Properties {
            }

            /** Represents a ServiceCounts. */
            class ServiceCounts {

                /**
                 * Constructs a new ServiceCounts.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceCounts.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceCounts runningTasks. */
                runningTasks: number;

                /** ServiceCounts desiredTasks. */
                desiredTasks: number;

                /**
                 * Encodes the specified ServiceCounts message. Does not implicitly {@link berth.cluster.v1.ServiceCounts.verify|verify} messages.
                 * @param message ServiceCounts message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceCounts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceCounts message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceCounts & berth.cluster.v1.ServiceCounts.$Shape} ServiceCounts
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceCounts & berth.cluster.v1.ServiceCounts.$Shape;
            }

            namespace ServiceCounts {

                /** Properties of a ServiceCounts. */
                interface $Properties {

                    /** ServiceCounts runningTasks */
                    runningTasks?: (number|null);

                    /** ServiceCounts desiredTasks */
                    desiredTasks?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ServiceCounts. */
                type $Shape = berth.cluster.v1.ServiceCounts.$Properties;
            }

            /**
             * Properties of an UpdateNodeRequest.
             * @deprecated Use berth.cluster.v1.UpdateNodeRequest.$Properties instead.
             */
            interface IUpdateNodeRequest extends berth.cluster.v1.UpdateNodeRequest.$Properties {
            }

            /** Represents an UpdateNodeRequest. */
            class UpdateNodeRequest {

                /**
                 * Constructs a new UpdateNodeRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.UpdateNodeRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UpdateNodeRequest ref. */
                ref: string;

                /** UpdateNodeRequest specJson. */
                specJson: string;

                /** UpdateNodeRequest version. */
                version: number;

                /**
                 * Encodes the specified UpdateNodeRequest message. Does not implicitly {@link berth.cluster.v1.UpdateNodeRequest.verify|verify} messages.
                 * @param message UpdateNodeRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.UpdateNodeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an UpdateNodeRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.UpdateNodeRequest & berth.cluster.v1.UpdateNodeRequest.$Shape} UpdateNodeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.UpdateNodeRequest & berth.cluster.v1.UpdateNodeRequest.$Shape;
            }

            namespace UpdateNodeRequest {

                /** Properties of an UpdateNodeRequest. */
                interface $Properties {

                    /** UpdateNodeRequest ref */
                    ref?: (string|null);

                    /** UpdateNodeRequest specJson */
                    specJson?: (string|null);

                    /** UpdateNodeRequest version */
                    version?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an UpdateNodeRequest. */
                type $Shape = berth.cluster.v1.UpdateNodeRequest.$Properties;
            }

            /**
             * Properties of a CreateServiceRequest.
             * @deprecated Use berth.cluster.v1.CreateServiceRequest.$Properties instead.
             */
            interface ICreateServiceRequest extends berth.cluster.v1.CreateServiceRequest.$Properties {
            }

            /** Represents a CreateServiceRequest. */
            class CreateServiceRequest {

                /**
                 * Constructs a new CreateServiceRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.CreateServiceRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateServiceRequest specJson. */
                specJson: string;

                /**
                 * Encodes the specified CreateServiceRequest message. Does not implicitly {@link berth.cluster.v1.CreateServiceRequest.verify|verify} messages.
                 * @param message CreateServiceRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.CreateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateServiceRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.CreateServiceRequest & berth.cluster.v1.CreateServiceRequest.$Shape} CreateServiceRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.CreateServiceRequest & berth.cluster.v1.CreateServiceRequest.$Shape;
            }

            namespace CreateServiceRequest {

                /** Properties of a CreateServiceRequest. */
                interface $Properties {

                    /** CreateServiceRequest specJson */
                    specJson?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateServiceRequest. */
                type $Shape = berth.cluster.v1.CreateServiceRequest.$Properties;
            }

            /**
             * Properties of a CreateNetworkRequest.
             * @deprecated Use berth.cluster.v1.CreateNetworkRequest.$Properties instead.
             */
            interface ICreateNetworkRequest extends berth.cluster.v1.CreateNetworkRequest.$Properties {
            }

            /** Represents a CreateNetworkRequest. */
            class CreateNetworkRequest {

                /**
                 * Constructs a new CreateNetworkRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.CreateNetworkRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CreateNetworkRequest specJson. */
                specJson: string;

                /**
                 * Encodes the specified CreateNetworkRequest message. Does not implicitly {@link berth.cluster.v1.CreateNetworkRequest.verify|verify} messages.
                 * @param message CreateNetworkRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.CreateNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CreateNetworkRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.CreateNetworkRequest & berth.cluster.v1.CreateNetworkRequest.$Shape} CreateNetworkRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.CreateNetworkRequest & berth.cluster.v1.CreateNetworkRequest.$Shape;
            }

            namespace CreateNetworkRequest {

                /** Properties of a CreateNetworkRequest. */
                interface $Properties {

                    /** CreateNetworkRequest specJson */
                    specJson?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CreateNetworkRequest. */
                type $Shape = berth.cluster.v1.CreateNetworkRequest.$Properties;
            }

            /**
             * Properties of an UpdateServiceRequest.
             * @deprecated Use berth.cluster.v1.UpdateServiceRequest.$Properties instead.
             */
            interface IUpdateServiceRequest extends berth.cluster.v1.UpdateServiceRequest.$Properties {
            }

            /** Represents an UpdateServiceRequest. */
            class UpdateServiceRequest {

                /**
                 * Constructs a new UpdateServiceRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.UpdateServiceRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UpdateServiceRequest ref. */
                ref: string;

                /** UpdateServiceRequest specJson. */
                specJson: string;

                /** UpdateServiceRequest version. */
                version: number;

                /**
                 * Encodes the specified UpdateServiceRequest message. Does not implicitly {@link berth.cluster.v1.UpdateServiceRequest.verify|verify} messages.
                 * @param message UpdateServiceRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.UpdateServiceRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an UpdateServiceRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.UpdateServiceRequest & berth.cluster.v1.UpdateServiceRequest.$Shape} UpdateServiceRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.UpdateServiceRequest & berth.cluster.v1.UpdateServiceRequest.$Shape;
            }

            namespace UpdateServiceRequest {

                /** Properties of an UpdateServiceRequest. */
                interface $Properties {

                    /** UpdateServiceRequest ref */
                    ref?: (string|null);

                    /** UpdateServiceRequest specJson */
                    specJson?: (string|null);

                    /** UpdateServiceRequest version */
                    version?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an UpdateServiceRequest. */
                type $Shape = berth.cluster.v1.UpdateServiceRequest.$Properties;
            }

            /**
             * Properties of a ListTasksRequest.
             * @deprecated Use berth.cluster.v1.ListTasksRequest.$Properties instead.
             */
            interface IListTasksRequest extends berth.cluster.v1.ListTasksRequest.$Properties {
            }

            /** Represents a ListTasksRequest. */
            class ListTasksRequest {

                /**
                 * Constructs a new ListTasksRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ListTasksRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ListTasksRequest service. */
                service: string;

                /** ListTasksRequest node. */
                node: string;

                /** ListTasksRequest desiredState. */
                desiredState: string;

                /**
                 * Encodes the specified ListTasksRequest message. Does not implicitly {@link berth.cluster.v1.ListTasksRequest.verify|verify} messages.
                 * @param message ListTasksRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ListTasksRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ListTasksRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ListTasksRequest & berth.cluster.v1.ListTasksRequest.$Shape} ListTasksRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ListTasksRequest & berth.cluster.v1.ListTasksRequest.$Shape;
            }

            namespace ListTasksRequest {

                /** Properties of a ListTasksRequest. */
                interface $Properties {

                    /** ListTasksRequest service */
                    service?: (string|null);

                    /** ListTasksRequest node */
                    node?: (string|null);

                    /** ListTasksRequest desiredState */
                    desiredState?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ListTasksRequest. */
                type $Shape = berth.cluster.v1.ListTasksRequest.$Properties;
            }

            /**
             * Properties of a ServiceLogsRequest.
             * @deprecated Use berth.cluster.v1.ServiceLogsRequest.$Properties instead.
             */
            interface IServiceLogsRequest extends berth.cluster.v1.ServiceLogsRequest.$Properties {
            }

            /** Represents a ServiceLogsRequest. */
            class ServiceLogsRequest {

                /**
                 * Constructs a new ServiceLogsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceLogsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceLogsRequest service. */
                service: string;

                /** ServiceLogsRequest follow. */
                follow: boolean;

                /** ServiceLogsRequest tail. */
                tail: number;

                /** ServiceLogsRequest sinceUnixMs. */
                sinceUnixMs: number;

                /** ServiceLogsRequest timestamps. */
                timestamps: boolean;

                /** ServiceLogsRequest heldHereOnly. */
                heldHereOnly: boolean;

                /**
                 * Encodes the specified ServiceLogsRequest message. Does not implicitly {@link berth.cluster.v1.ServiceLogsRequest.verify|verify} messages.
                 * @param message ServiceLogsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceLogsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceLogsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceLogsRequest & berth.cluster.v1.ServiceLogsRequest.$Shape} ServiceLogsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceLogsRequest & berth.cluster.v1.ServiceLogsRequest.$Shape;
            }

            namespace ServiceLogsRequest {

                /** Properties of a ServiceLogsRequest. */
                interface $Properties {

                    /** ServiceLogsRequest service */
                    service?: (string|null);

                    /** ServiceLogsRequest follow */
                    follow?: (boolean|null);

                    /** ServiceLogsRequest tail */
                    tail?: (number|null);

                    /** ServiceLogsRequest sinceUnixMs */
                    sinceUnixMs?: (number|null);

                    /** ServiceLogsRequest timestamps */
                    timestamps?: (boolean|null);

                    /** ServiceLogsRequest heldHereOnly */
                    heldHereOnly?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ServiceLogsRequest. */
                type $Shape = berth.cluster.v1.ServiceLogsRequest.$Properties;
            }

            /**
             * Properties of a LogRecord.
             * @deprecated Use berth.cluster.v1.LogRecord.$Properties instead.
             */
            interface ILogRecord extends berth.cluster.v1.LogRecord.$Properties {
            }

            /** Represents a LogRecord. */
            class LogRecord {

                /**
                 * Constructs a new LogRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.LogRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LogRecord taskId. */
                taskId: string;

                /** LogRecord nodeId. */
                nodeId: string;

                /** LogRecord slot. */
                slot: number;

                /** LogRecord stream. */
                stream: number;

                /** LogRecord timeUnixNano. */
                timeUnixNano: number;

                /** LogRecord data. */
                data: Uint8Array;

                /**
                 * Encodes the specified LogRecord message. Does not implicitly {@link berth.cluster.v1.LogRecord.verify|verify} messages.
                 * @param message LogRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.LogRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LogRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.LogRecord & berth.cluster.v1.LogRecord.$Shape} LogRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.LogRecord & berth.cluster.v1.LogRecord.$Shape;
            }

            namespace LogRecord {

                /** Properties of a LogRecord. */
                interface $Properties {

                    /** LogRecord taskId */
                    taskId?: (string|null);

                    /** LogRecord nodeId */
                    nodeId?: (string|null);

                    /** LogRecord slot */
                    slot?: (number|null);

                    /** LogRecord stream */
                    stream?: (number|null);

                    /** LogRecord timeUnixNano */
                    timeUnixNano?: (number|null);

                    /** LogRecord data */
                    data?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LogRecord. */
                type $Shape = berth.cluster.v1.LogRecord.$Properties;
            }

            /**
             * Properties of an AttachNetworkRequest.
             * @deprecated Use berth.cluster.v1.AttachNetworkRequest.$Properties instead.
             */
            interface IAttachNetworkRequest extends berth.cluster.v1.AttachNetworkRequest.$Properties {
            }

            /** Represents an AttachNetworkRequest. */
            class AttachNetworkRequest {

                /**
                 * Constructs a new AttachNetworkRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.AttachNetworkRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachNetworkRequest network. */
                network: string;

                /** AttachNetworkRequest containerId. */
                containerId: string;

                /**
                 * Encodes the specified AttachNetworkRequest message. Does not implicitly {@link berth.cluster.v1.AttachNetworkRequest.verify|verify} messages.
                 * @param message AttachNetworkRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.AttachNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachNetworkRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.AttachNetworkRequest & berth.cluster.v1.AttachNetworkRequest.$Shape} AttachNetworkRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.AttachNetworkRequest & berth.cluster.v1.AttachNetworkRequest.$Shape;
            }

            namespace AttachNetworkRequest {

                /** Properties of an AttachNetworkRequest. */
                interface $Properties {

                    /** AttachNetworkRequest network */
                    network?: (string|null);

                    /** AttachNetworkRequest containerId */
                    containerId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AttachNetworkRequest. */
                type $Shape = berth.cluster.v1.AttachNetworkRequest.$Properties;
            }

            /**
             * Properties of an AttachNetworkResponse.
             * @deprecated Use berth.cluster.v1.AttachNetworkResponse.$Properties instead.
             */
            interface IAttachNetworkResponse extends berth.cluster.v1.AttachNetworkResponse.$Properties {
            }

            /** Represents an AttachNetworkResponse. */
            class AttachNetworkResponse {

                /**
                 * Constructs a new AttachNetworkResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.AttachNetworkResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AttachNetworkResponse attachmentId. */
                attachmentId: string;

                /** AttachNetworkResponse networkId. */
                networkId: string;

                /** AttachNetworkResponse networkName. */
                networkName: string;

                /** AttachNetworkResponse address. */
                address: string;

                /**
                 * Encodes the specified AttachNetworkResponse message. Does not implicitly {@link berth.cluster.v1.AttachNetworkResponse.verify|verify} messages.
                 * @param message AttachNetworkResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.AttachNetworkResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AttachNetworkResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.AttachNetworkResponse & berth.cluster.v1.AttachNetworkResponse.$Shape} AttachNetworkResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.AttachNetworkResponse & berth.cluster.v1.AttachNetworkResponse.$Shape;
            }

            namespace AttachNetworkResponse {

                /** Properties of an AttachNetworkResponse. */
                interface $Properties {

                    /** AttachNetworkResponse attachmentId */
                    attachmentId?: (string|null);

                    /** AttachNetworkResponse networkId */
                    networkId?: (string|null);

                    /** AttachNetworkResponse networkName */
                    networkName?: (string|null);

                    /** AttachNetworkResponse address */
                    address?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AttachNetworkResponse. */
                type $Shape = berth.cluster.v1.AttachNetworkResponse.$Properties;
            }

            /**
             * Properties of a DetachNetworkRequest.
             * @deprecated Use berth.cluster.v1.DetachNetworkRequest.$Properties instead.
             */
            interface IDetachNetworkRequest extends berth.cluster.v1.DetachNetworkRequest.$Properties {
            }

            /** Represents a DetachNetworkRequest. */
            class DetachNetworkRequest {

                /**
                 * Constructs a new DetachNetworkRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.DetachNetworkRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DetachNetworkRequest networkId. */
                networkId: string;

                /** DetachNetworkRequest attachmentId. */
                attachmentId: string;

                /**
                 * Encodes the specified DetachNetworkRequest message. Does not implicitly {@link berth.cluster.v1.DetachNetworkRequest.verify|verify} messages.
                 * @param message DetachNetworkRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.DetachNetworkRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DetachNetworkRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.DetachNetworkRequest & berth.cluster.v1.DetachNetworkRequest.$Shape} DetachNetworkRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.DetachNetworkRequest & berth.cluster.v1.DetachNetworkRequest.$Shape;
            }

            namespace DetachNetworkRequest {

                /** Properties of a DetachNetworkRequest. */
                interface $Properties {

                    /** DetachNetworkRequest networkId */
                    networkId?: (string|null);

                    /** DetachNetworkRequest attachmentId */
                    attachmentId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DetachNetworkRequest. */
                type $Shape = berth.cluster.v1.DetachNetworkRequest.$Properties;
            }

            /**
             * Properties of an AgentMessage.
             * @deprecated Use berth.cluster.v1.AgentMessage.$Properties instead.
             */
            interface IAgentMessage extends berth.cluster.v1.AgentMessage.$Properties {
            }

            /** Represents an AgentMessage. */
            class AgentMessage {

                /**
                 * Constructs a new AgentMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.AgentMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AgentMessage hello. */
                hello?: (berth.cluster.v1.Hello.$Properties|null);

                /** AgentMessage heartbeat. */
                heartbeat?: (berth.cluster.v1.Heartbeat.$Properties|null);

                /** AgentMessage statuses. */
                statuses?: (berth.cluster.v1.StatusBatch.$Properties|null);

                /** AgentMessage kind. */
                kind?: ("hello"|"heartbeat"|"statuses");

                /**
                 * Encodes the specified AgentMessage message. Does not implicitly {@link berth.cluster.v1.AgentMessage.verify|verify} messages.
                 * @param message AgentMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.AgentMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AgentMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.AgentMessage & berth.cluster.v1.AgentMessage.$Shape} AgentMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.AgentMessage & berth.cluster.v1.AgentMessage.$Shape;
            }

            namespace AgentMessage {

                /** Properties of an AgentMessage. */
                interface $Properties {

                    /** AgentMessage hello */
                    hello?: (berth.cluster.v1.Hello.$Properties|null);

                    /** AgentMessage heartbeat */
                    heartbeat?: (berth.cluster.v1.Heartbeat.$Properties|null);

                    /** AgentMessage statuses */
                    statuses?: (berth.cluster.v1.StatusBatch.$Properties|null);

                    /** AgentMessage kind */
                    kind?: ("hello"|"heartbeat"|"statuses");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an AgentMessage. */
                type $Shape = {
                  hello?: berth.cluster.v1.Hello.$Shape|null;
                  heartbeat?: berth.cluster.v1.Heartbeat.$Shape|null;
                  statuses?: berth.cluster.v1.StatusBatch.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ kind?: undefined; hello?: null; heartbeat?: null; statuses?: null }|{ kind?: "hello"; hello: berth.cluster.v1.Hello.$Shape; heartbeat?: null; statuses?: null }|{ kind?: "heartbeat"; hello?: null; heartbeat: berth.cluster.v1.Heartbeat.$Shape; statuses?: null }|{ kind?: "statuses"; hello?: null; heartbeat?: null; statuses: berth.cluster.v1.StatusBatch.$Shape })
                );
            }

            /**
             * Properties of a Hello.
             * @deprecated Use berth.cluster.v1.Hello.$Properties instead.
             */
            interface IHello extends berth.cluster.v1.Hello.$Properties {
            }

            /** Represents a Hello. */
            class Hello {

                /**
                 * Constructs a new Hello.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.Hello.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Hello descriptionJson. */
                descriptionJson: string;

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link berth.cluster.v1.Hello.verify|verify} messages.
                 * @param message Hello message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.Hello & berth.cluster.v1.Hello.$Shape} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.Hello & berth.cluster.v1.Hello.$Shape;
            }

            namespace Hello {

                /** Properties of a Hello. */
                interface $Properties {

                    /** Hello descriptionJson */
                    descriptionJson?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Hello. */
                type $Shape = berth.cluster.v1.Hello.$Properties;
            }

            /**
             * Properties of a Heartbeat.
             * @deprecated Use berth.cluster.v1.Heartbeat.$Properties instead.
             */
            interface IHeartbeat extends berth.cluster.v1.Heartbeat.$Properties {
            }

            /** Represents a Heartbeat. */
            class Heartbeat {

                /**
                 * Constructs a new Heartbeat.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.Heartbeat.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link berth.cluster.v1.Heartbeat.verify|verify} messages.
                 * @param message Heartbeat message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.Heartbeat & berth.cluster.v1.Heartbeat.$Shape} Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.Heartbeat & berth.cluster.v1.Heartbeat.$Shape;
            }

            namespace Heartbeat {

                /** Properties of a Heartbeat. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Heartbeat. */
                type $Shape = berth.cluster.v1.Heartbeat.$Properties;
            }

            /**
             * Properties of a TaskStatusUpdate.
             * @deprecated Use berth.cluster.v1.TaskStatusUpdate.$Properties instead.
             */
            interface ITaskStatusUpdate extends berth.cluster.v1.TaskStatusUpdate.$Properties {
            }

            /** Represents a TaskStatusUpdate. */
            class TaskStatusUpdate {

                /**
                 * Constructs a new TaskStatusUpdate.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.TaskStatusUpdate.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TaskStatusUpdate taskId. */
                taskId: string;

                /** TaskStatusUpdate statusJson. */
                statusJson: string;

                /**
                 * Encodes the specified TaskStatusUpdate message. Does not implicitly {@link berth.cluster.v1.TaskStatusUpdate.verify|verify} messages.
                 * @param message TaskStatusUpdate message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.TaskStatusUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TaskStatusUpdate message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.TaskStatusUpdate & berth.cluster.v1.TaskStatusUpdate.$Shape} TaskStatusUpdate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.TaskStatusUpdate & berth.cluster.v1.TaskStatusUpdate.$Shape;
            }

            namespace TaskStatusUpdate {

                /** Properties of a TaskStatusUpdate. */
                interface $Properties {

                    /** TaskStatusUpdate taskId */
                    taskId?: (string|null);

                    /** TaskStatusUpdate statusJson */
                    statusJson?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TaskStatusUpdate. */
                type $Shape = berth.cluster.v1.TaskStatusUpdate.$Properties;
            }

            /**
             * Properties of a StatusBatch.
             * @deprecated Use berth.cluster.v1.StatusBatch.$Properties instead.
             */
            interface IStatusBatch extends berth.cluster.v1.StatusBatch.$Properties {
            }

            /** Represents a StatusBatch. */
            class StatusBatch {

                /**
                 * Constructs a new StatusBatch.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.StatusBatch.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** StatusBatch updates. */
                updates: berth.cluster.v1.TaskStatusUpdate.$Properties[];

                /**
                 * Encodes the specified StatusBatch message. Does not implicitly {@link berth.cluster.v1.StatusBatch.verify|verify} messages.
                 * @param message StatusBatch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.StatusBatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StatusBatch message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.StatusBatch & berth.cluster.v1.StatusBatch.$Shape} StatusBatch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.StatusBatch & berth.cluster.v1.StatusBatch.$Shape;
            }

            namespace StatusBatch {

                /** Properties of a StatusBatch. */
                interface $Properties {

                    /** StatusBatch updates */
                    updates?: (berth.cluster.v1.TaskStatusUpdate.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a StatusBatch. */
                type $Shape = berth.cluster.v1.StatusBatch.$Properties;
            }

            /**
             * Properties of a ManagerMessage.
             * @deprecated Use berth.cluster.v1.ManagerMessage.$Properties instead.
             */
            interface IManagerMessage extends berth.cluster.v1.ManagerMessage.$Properties {
            }

            /** Represents a ManagerMessage. */
            class ManagerMessage {

                /**
                 * Constructs a new ManagerMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ManagerMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ManagerMessage assignments. */
                assignments?: (berth.cluster.v1.Assignments.$Properties|null);

                /** ManagerMessage session. */
                session?: (berth.cluster.v1.SessionInfo.$Properties|null);

                /** ManagerMessage logs. */
                logs?: (berth.cluster.v1.LogsSubscription.$Properties|null);

                /** ManagerMessage networks. */
                networks?: (berth.cluster.v1.NetworkViews.$Properties|null);

                /** ManagerMessage exec. */
                exec?: (berth.cluster.v1.TaskExecRequest.$Properties|null);

                /** ManagerMessage kind. */
                kind?: ("assignments"|"session"|"logs"|"networks"|"exec");

                /**
                 * Encodes the specified ManagerMessage message. Does not implicitly {@link berth.cluster.v1.ManagerMessage.verify|verify} messages.
                 * @param message ManagerMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ManagerMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ManagerMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ManagerMessage & berth.cluster.v1.ManagerMessage.$Shape} ManagerMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ManagerMessage & berth.cluster.v1.ManagerMessage.$Shape;
            }

            namespace ManagerMessage {

                /** Properties of a ManagerMessage. */
                interface $Properties {

                    /** ManagerMessage assignments */
                    assignments?: (berth.cluster.v1.Assignments.$Properties|null);

                    /** ManagerMessage session */
                    session?: (berth.cluster.v1.SessionInfo.$Properties|null);

                    /** ManagerMessage logs */
                    logs?: (berth.cluster.v1.LogsSubscription.$Properties|null);

                    /** ManagerMessage networks */
                    networks?: (berth.cluster.v1.NetworkViews.$Properties|null);

                    /** ManagerMessage exec */
                    exec?: (berth.cluster.v1.TaskExecRequest.$Properties|null);

                    /** ManagerMessage kind */
                    kind?: ("assignments"|"session"|"logs"|"networks"|"exec");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ManagerMessage. */
                type $Shape = {
                  assignments?: berth.cluster.v1.Assignments.$Shape|null;
                  session?: berth.cluster.v1.SessionInfo.$Shape|null;
                  logs?: berth.cluster.v1.LogsSubscription.$Shape|null;
                  networks?: berth.cluster.v1.NetworkViews.$Shape|null;
                  exec?: berth.cluster.v1.TaskExecRequest.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ kind?: undefined; assignments?: null; session?: null; logs?: null; networks?: null; exec?: null }|{ kind?: "assignments"; assignments: berth.cluster.v1.Assignments.$Shape; session?: null; logs?: null; networks?: null; exec?: null }|{ kind?: "session"; assignments?: null; session: berth.cluster.v1.SessionInfo.$Shape; logs?: null; networks?: null; exec?: null }|{ kind?: "logs"; assignments?: null; session?: null; logs: berth.cluster.v1.LogsSubscription.$Shape; networks?: null; exec?: null }|{ kind?: "networks"; assignments?: null; session?: null; logs?: null; networks: berth.cluster.v1.NetworkViews.$Shape; exec?: null }|{ kind?: "exec"; assignments?: null; session?: null; logs?: null; networks?: null; exec: berth.cluster.v1.TaskExecRequest.$Shape })
                );
            }

            /**
             * Properties of a NetworkViews.
             * @deprecated Use berth.cluster.v1.NetworkViews.$Properties instead.
             */
            interface INetworkViews extends berth.cluster.v1.NetworkViews.$Properties {
            }

            /** Represents a NetworkViews. */
            class NetworkViews {

                /**
                 * Constructs a new NetworkViews.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.NetworkViews.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** NetworkViews viewsJson. */
                viewsJson: string[];

                /**
                 * Encodes the specified NetworkViews message. Does not implicitly {@link berth.cluster.v1.NetworkViews.verify|verify} messages.
                 * @param message NetworkViews message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.NetworkViews.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a NetworkViews message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.NetworkViews & berth.cluster.v1.NetworkViews.$Shape} NetworkViews
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.NetworkViews & berth.cluster.v1.NetworkViews.$Shape;
            }

            namespace NetworkViews {

                /** Properties of a NetworkViews. */
                interface $Properties {

                    /** NetworkViews viewsJson */
                    viewsJson?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a NetworkViews. */
                type $Shape = berth.cluster.v1.NetworkViews.$Properties;
            }

            /**
             * Properties of a SessionInfo.
             * @deprecated Use berth.cluster.v1.SessionInfo.$Properties instead.
             */
            interface ISessionInfo extends berth.cluster.v1.SessionInfo.$Properties {
            }

            /** Represents a SessionInfo. */
            class SessionInfo {

                /**
                 * Constructs a new SessionInfo.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.SessionInfo.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SessionInfo nodeId. */
                nodeId: string;

                /** SessionInfo heartbeatPeriodMs. */
                heartbeatPeriodMs: number;

                /** SessionInfo managers. */
                managers: string[];

                /** SessionInfo role. */
                role: string;

                /** SessionInfo unlockKey. */
                unlockKey: string;

                /**
                 * Encodes the specified SessionInfo message. Does not implicitly {@link berth.cluster.v1.SessionInfo.verify|verify} messages.
                 * @param message SessionInfo message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.SessionInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SessionInfo message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.SessionInfo & berth.cluster.v1.SessionInfo.$Shape} SessionInfo
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.SessionInfo & berth.cluster.v1.SessionInfo.$Shape;
            }

            namespace SessionInfo {

                /** Properties of a SessionInfo. */
                interface $Properties {

                    /** SessionInfo nodeId */
                    nodeId?: (string|null);

                    /** SessionInfo heartbeatPeriodMs */
                    heartbeatPeriodMs?: (number|null);

                    /** SessionInfo managers */
                    managers?: (string[]|null);

                    /** SessionInfo role */
                    role?: (string|null);

                    /** SessionInfo unlockKey */
                    unlockKey?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SessionInfo. */
                type $Shape = berth.cluster.v1.SessionInfo.$Properties;
            }

            /**
             * Properties of an Assignments.
             * @deprecated Use berth.cluster.v1.Assignments.$Properties instead.
             */
            interface IAssignments extends berth.cluster.v1.Assignments.$Properties {
            }

            /** Represents an Assignments. */
            class Assignments {

                /**
                 * Constructs a new Assignments.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.Assignments.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Assignments full. */
                full: boolean;

                /** Assignments tasksJson. */
                tasksJson: string[];

                /** Assignments removedTaskIds. */
                removedTaskIds: string[];

                /** Assignments files. */
                files: berth.cluster.v1.FileContent.$Properties[];

                /**
                 * Encodes the specified Assignments message. Does not implicitly {@link berth.cluster.v1.Assignments.verify|verify} messages.
                 * @param message Assignments message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.Assignments.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Assignments message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.Assignments & berth.cluster.v1.Assignments.$Shape} Assignments
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.Assignments & berth.cluster.v1.Assignments.$Shape;
            }

            namespace Assignments {

                /** Properties of an Assignments. */
                interface $Properties {

                    /** Assignments full */
                    full?: (boolean|null);

                    /** Assignments tasksJson */
                    tasksJson?: (string[]|null);

                    /** Assignments removedTaskIds */
                    removedTaskIds?: (string[]|null);

                    /** Assignments files */
                    files?: (berth.cluster.v1.FileContent.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Assignments. */
                type $Shape = berth.cluster.v1.Assignments.$Properties;
            }

            /**
             * Properties of a FileContent.
             * @deprecated Use berth.cluster.v1.FileContent.$Properties instead.
             */
            interface IFileContent extends berth.cluster.v1.FileContent.$Properties {
            }

            /** Represents a FileContent. */
            class FileContent {

                /**
                 * Constructs a new FileContent.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.FileContent.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FileContent kind. */
                kind: string;

                /** FileContent name. */
                name: string;

                /** FileContent data. */
                data: Uint8Array;

                /**
                 * Encodes the specified FileContent message. Does not implicitly {@link berth.cluster.v1.FileContent.verify|verify} messages.
                 * @param message FileContent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.FileContent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FileContent message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.FileContent & berth.cluster.v1.FileContent.$Shape} FileContent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.FileContent & berth.cluster.v1.FileContent.$Shape;
            }

            namespace FileContent {

                /** Properties of a FileContent. */
                interface $Properties {

                    /** FileContent kind */
                    kind?: (string|null);

                    /** FileContent name */
                    name?: (string|null);

                    /** FileContent data */
                    data?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FileContent. */
                type $Shape = berth.cluster.v1.FileContent.$Properties;
            }

            /**
             * Properties of a LogsSubscription.
             * @deprecated Use berth.cluster.v1.LogsSubscription.$Properties instead.
             */
            interface ILogsSubscription extends berth.cluster.v1.LogsSubscription.$Properties {
            }

            /** Represents a LogsSubscription. */
            class LogsSubscription {

                /**
                 * Constructs a new LogsSubscription.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.LogsSubscription.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** LogsSubscription subscriptionId. */
                subscriptionId: string;

                /** LogsSubscription taskIds. */
                taskIds: string[];

                /** LogsSubscription follow. */
                follow: boolean;

                /** LogsSubscription tail. */
                tail: number;

                /** LogsSubscription sinceUnixMs. */
                sinceUnixMs: number;

                /** LogsSubscription close. */
                close: boolean;

                /**
                 * Encodes the specified LogsSubscription message. Does not implicitly {@link berth.cluster.v1.LogsSubscription.verify|verify} messages.
                 * @param message LogsSubscription message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.LogsSubscription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LogsSubscription message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.LogsSubscription & berth.cluster.v1.LogsSubscription.$Shape} LogsSubscription
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.LogsSubscription & berth.cluster.v1.LogsSubscription.$Shape;
            }

            namespace LogsSubscription {

                /** Properties of a LogsSubscription. */
                interface $Properties {

                    /** LogsSubscription subscriptionId */
                    subscriptionId?: (string|null);

                    /** LogsSubscription taskIds */
                    taskIds?: (string[]|null);

                    /** LogsSubscription follow */
                    follow?: (boolean|null);

                    /** LogsSubscription tail */
                    tail?: (number|null);

                    /** LogsSubscription sinceUnixMs */
                    sinceUnixMs?: (number|null);

                    /** LogsSubscription close */
                    close?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a LogsSubscription. */
                type $Shape = berth.cluster.v1.LogsSubscription.$Properties;
            }

            /**
             * Properties of a PublishLogsMessage.
             * @deprecated Use berth.cluster.v1.PublishLogsMessage.$Properties instead.
             */
            interface IPublishLogsMessage extends berth.cluster.v1.PublishLogsMessage.$Properties {
            }

            /** Represents a PublishLogsMessage. */
            class PublishLogsMessage {

                /**
                 * Constructs a new PublishLogsMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.PublishLogsMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PublishLogsMessage subscriptionId. */
                subscriptionId: string;

                /** PublishLogsMessage records. */
                records: berth.cluster.v1.LogRecord.$Properties[];

                /** PublishLogsMessage done. */
                done: boolean;

                /**
                 * Encodes the specified PublishLogsMessage message. Does not implicitly {@link berth.cluster.v1.PublishLogsMessage.verify|verify} messages.
                 * @param message PublishLogsMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.PublishLogsMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PublishLogsMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.PublishLogsMessage & berth.cluster.v1.PublishLogsMessage.$Shape} PublishLogsMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.PublishLogsMessage & berth.cluster.v1.PublishLogsMessage.$Shape;
            }

            namespace PublishLogsMessage {

                /** Properties of a PublishLogsMessage. */
                interface $Properties {

                    /** PublishLogsMessage subscriptionId */
                    subscriptionId?: (string|null);

                    /** PublishLogsMessage records */
                    records?: (berth.cluster.v1.LogRecord.$Properties[]|null);

                    /** PublishLogsMessage done */
                    done?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PublishLogsMessage. */
                type $Shape = berth.cluster.v1.PublishLogsMessage.$Properties;
            }

            /**
             * Properties of a ServiceExecInput.
             * @deprecated Use berth.cluster.v1.ServiceExecInput.$Properties instead.
             */
            interface IServiceExecInput extends berth.cluster.v1.ServiceExecInput.$Properties {
            }

            /** Represents a ServiceExecInput. */
            class ServiceExecInput {

                /**
                 * Constructs a new ServiceExecInput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceExecInput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceExecInput start. */
                start?: (berth.cluster.v1.ServiceExecStart.$Properties|null);

                /** ServiceExecInput stdin. */
                stdin?: (Uint8Array|null);

                /** ServiceExecInput resize. */
                resize?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                /** ServiceExecInput closeStdin. */
                closeStdin?: (boolean|null);

                /** ServiceExecInput input. */
                input?: ("start"|"stdin"|"resize"|"closeStdin");

                /**
                 * Encodes the specified ServiceExecInput message. Does not implicitly {@link berth.cluster.v1.ServiceExecInput.verify|verify} messages.
                 * @param message ServiceExecInput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceExecInput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceExecInput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceExecInput & berth.cluster.v1.ServiceExecInput.$Shape} ServiceExecInput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceExecInput & berth.cluster.v1.ServiceExecInput.$Shape;
            }

            namespace ServiceExecInput {

                /** Properties of a ServiceExecInput. */
                interface $Properties {

                    /** ServiceExecInput start */
                    start?: (berth.cluster.v1.ServiceExecStart.$Properties|null);

                    /** ServiceExecInput stdin */
                    stdin?: (Uint8Array|null);

                    /** ServiceExecInput resize */
                    resize?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                    /** ServiceExecInput closeStdin */
                    closeStdin?: (boolean|null);

                    /** ServiceExecInput input */
                    input?: ("start"|"stdin"|"resize"|"closeStdin");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ServiceExecInput. */
                type $Shape = {
                  start?: berth.cluster.v1.ServiceExecStart.$Shape|null;
                  stdin?: Uint8Array|null;
                  resize?: berth.cluster.v1.ExecTerminalSize.$Shape|null;
                  closeStdin?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ input?: undefined; start?: null; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "start"; start: berth.cluster.v1.ServiceExecStart.$Shape; stdin?: null; resize?: null; closeStdin?: null }|{ input?: "stdin"; start?: null; stdin: Uint8Array; resize?: null; closeStdin?: null }|{ input?: "resize"; start?: null; stdin?: null; resize: berth.cluster.v1.ExecTerminalSize.$Shape; closeStdin?: null }|{ input?: "closeStdin"; start?: null; stdin?: null; resize?: null; closeStdin: boolean })
                );
            }

            /**
             * Properties of a ServiceExecStart.
             * @deprecated Use berth.cluster.v1.ServiceExecStart.$Properties instead.
             */
            interface IServiceExecStart extends berth.cluster.v1.ServiceExecStart.$Properties {
            }

            /** Represents a ServiceExecStart. */
            class ServiceExecStart {

                /**
                 * Constructs a new ServiceExecStart.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceExecStart.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceExecStart target. */
                target: string;

                /** ServiceExecStart slot. */
                slot: number;

                /** ServiceExecStart cmd. */
                cmd: string[];

                /** ServiceExecStart env. */
                env: string[];

                /** ServiceExecStart workingDir. */
                workingDir: string;

                /** ServiceExecStart user. */
                user: string;

                /** ServiceExecStart tty. */
                tty: boolean;

                /** ServiceExecStart stdin. */
                stdin: boolean;

                /** ServiceExecStart size. */
                size?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                /** ServiceExecStart heldHereOnly. */
                heldHereOnly: boolean;

                /**
                 * Encodes the specified ServiceExecStart message. Does not implicitly {@link berth.cluster.v1.ServiceExecStart.verify|verify} messages.
                 * @param message ServiceExecStart message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceExecStart.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceExecStart message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceExecStart & berth.cluster.v1.ServiceExecStart.$Shape} ServiceExecStart
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceExecStart & berth.cluster.v1.ServiceExecStart.$Shape;
            }

            namespace ServiceExecStart {

                /** Properties of a ServiceExecStart. */
                interface $Properties {

                    /** ServiceExecStart target */
                    target?: (string|null);

                    /** ServiceExecStart slot */
                    slot?: (number|null);

                    /** ServiceExecStart cmd */
                    cmd?: (string[]|null);

                    /** ServiceExecStart env */
                    env?: (string[]|null);

                    /** ServiceExecStart workingDir */
                    workingDir?: (string|null);

                    /** ServiceExecStart user */
                    user?: (string|null);

                    /** ServiceExecStart tty */
                    tty?: (boolean|null);

                    /** ServiceExecStart stdin */
                    stdin?: (boolean|null);

                    /** ServiceExecStart size */
                    size?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                    /** ServiceExecStart heldHereOnly */
                    heldHereOnly?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ServiceExecStart. */
                type $Shape = berth.cluster.v1.ServiceExecStart.$Properties;
            }

            /**
             * Properties of an ExecTerminalSize.
             * @deprecated Use berth.cluster.v1.ExecTerminalSize.$Properties instead.
             */
            interface IExecTerminalSize extends berth.cluster.v1.ExecTerminalSize.$Properties {
            }

            /** Represents an ExecTerminalSize. */
            class ExecTerminalSize {

                /**
                 * Constructs a new ExecTerminalSize.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ExecTerminalSize.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecTerminalSize rows. */
                rows: number;

                /** ExecTerminalSize cols. */
                cols: number;

                /**
                 * Encodes the specified ExecTerminalSize message. Does not implicitly {@link berth.cluster.v1.ExecTerminalSize.verify|verify} messages.
                 * @param message ExecTerminalSize message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ExecTerminalSize.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecTerminalSize message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ExecTerminalSize & berth.cluster.v1.ExecTerminalSize.$Shape} ExecTerminalSize
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ExecTerminalSize & berth.cluster.v1.ExecTerminalSize.$Shape;
            }

            namespace ExecTerminalSize {

                /** Properties of an ExecTerminalSize. */
                interface $Properties {

                    /** ExecTerminalSize rows */
                    rows?: (number|null);

                    /** ExecTerminalSize cols */
                    cols?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ExecTerminalSize. */
                type $Shape = berth.cluster.v1.ExecTerminalSize.$Properties;
            }

            /**
             * Properties of a ServiceExecOutput.
             * @deprecated Use berth.cluster.v1.ServiceExecOutput.$Properties instead.
             */
            interface IServiceExecOutput extends berth.cluster.v1.ServiceExecOutput.$Properties {
            }

            /** Represents a ServiceExecOutput. */
            class ServiceExecOutput {

                /**
                 * Constructs a new ServiceExecOutput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ServiceExecOutput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServiceExecOutput task. */
                task?: (berth.cluster.v1.ExecTask.$Properties|null);

                /** ServiceExecOutput stdout. */
                stdout?: (Uint8Array|null);

                /** ServiceExecOutput stderr. */
                stderr?: (Uint8Array|null);

                /** ServiceExecOutput exit. */
                exit?: (berth.cluster.v1.ExecExit.$Properties|null);

                /** ServiceExecOutput output. */
                output?: ("task"|"stdout"|"stderr"|"exit");

                /**
                 * Encodes the specified ServiceExecOutput message. Does not implicitly {@link berth.cluster.v1.ServiceExecOutput.verify|verify} messages.
                 * @param message ServiceExecOutput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ServiceExecOutput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServiceExecOutput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ServiceExecOutput & berth.cluster.v1.ServiceExecOutput.$Shape} ServiceExecOutput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ServiceExecOutput & berth.cluster.v1.ServiceExecOutput.$Shape;
            }

            namespace ServiceExecOutput {

                /** Properties of a ServiceExecOutput. */
                interface $Properties {

                    /** ServiceExecOutput task */
                    task?: (berth.cluster.v1.ExecTask.$Properties|null);

                    /** ServiceExecOutput stdout */
                    stdout?: (Uint8Array|null);

                    /** ServiceExecOutput stderr */
                    stderr?: (Uint8Array|null);

                    /** ServiceExecOutput exit */
                    exit?: (berth.cluster.v1.ExecExit.$Properties|null);

                    /** ServiceExecOutput output */
                    output?: ("task"|"stdout"|"stderr"|"exit");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ServiceExecOutput. */
                type $Shape = {
                  task?: berth.cluster.v1.ExecTask.$Shape|null;
                  stdout?: Uint8Array|null;
                  stderr?: Uint8Array|null;
                  exit?: berth.cluster.v1.ExecExit.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ output?: undefined; task?: null; stdout?: null; stderr?: null; exit?: null }|{ output?: "task"; task: berth.cluster.v1.ExecTask.$Shape; stdout?: null; stderr?: null; exit?: null }|{ output?: "stdout"; task?: null; stdout: Uint8Array; stderr?: null; exit?: null }|{ output?: "stderr"; task?: null; stdout?: null; stderr: Uint8Array; exit?: null }|{ output?: "exit"; task?: null; stdout?: null; stderr?: null; exit: berth.cluster.v1.ExecExit.$Shape })
                );
            }

            /**
             * Properties of an ExecTask.
             * @deprecated Use berth.cluster.v1.ExecTask.$Properties instead.
             */
            interface IExecTask extends berth.cluster.v1.ExecTask.$Properties {
            }

            /** Represents an ExecTask. */
            class ExecTask {

                /**
                 * Constructs a new ExecTask.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ExecTask.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecTask taskId. */
                taskId: string;

                /** ExecTask name. */
                name: string;

                /** ExecTask nodeId. */
                nodeId: string;

                /** ExecTask hostname. */
                hostname: string;

                /**
                 * Encodes the specified ExecTask message. Does not implicitly {@link berth.cluster.v1.ExecTask.verify|verify} messages.
                 * @param message ExecTask message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ExecTask.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecTask message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ExecTask & berth.cluster.v1.ExecTask.$Shape} ExecTask
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ExecTask & berth.cluster.v1.ExecTask.$Shape;
            }

            namespace ExecTask {

                /** Properties of an ExecTask. */
                interface $Properties {

                    /** ExecTask taskId */
                    taskId?: (string|null);

                    /** ExecTask name */
                    name?: (string|null);

                    /** ExecTask nodeId */
                    nodeId?: (string|null);

                    /** ExecTask hostname */
                    hostname?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ExecTask. */
                type $Shape = berth.cluster.v1.ExecTask.$Properties;
            }

            /**
             * Properties of an ExecExit.
             * @deprecated Use berth.cluster.v1.ExecExit.$Properties instead.
             */
            interface IExecExit extends berth.cluster.v1.ExecExit.$Properties {
            }

            /** Represents an ExecExit. */
            class ExecExit {

                /**
                 * Constructs a new ExecExit.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.ExecExit.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ExecExit exitCode. */
                exitCode: number;

                /** ExecExit error. */
                error: string;

                /**
                 * Encodes the specified ExecExit message. Does not implicitly {@link berth.cluster.v1.ExecExit.verify|verify} messages.
                 * @param message ExecExit message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.ExecExit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ExecExit message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.ExecExit & berth.cluster.v1.ExecExit.$Shape} ExecExit
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.ExecExit & berth.cluster.v1.ExecExit.$Shape;
            }

            namespace ExecExit {

                /** Properties of an ExecExit. */
                interface $Properties {

                    /** ExecExit exitCode */
                    exitCode?: (number|null);

                    /** ExecExit error */
                    error?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ExecExit. */
                type $Shape = berth.cluster.v1.ExecExit.$Properties;
            }

            /**
             * Properties of a TaskExecRequest.
             * @deprecated Use berth.cluster.v1.TaskExecRequest.$Properties instead.
             */
            interface ITaskExecRequest extends berth.cluster.v1.TaskExecRequest.$Properties {
            }

            /** Represents a TaskExecRequest. */
            class TaskExecRequest {

                /**
                 * Constructs a new TaskExecRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.TaskExecRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TaskExecRequest execId. */
                execId: string;

                /** TaskExecRequest taskId. */
                taskId: string;

                /** TaskExecRequest cmd. */
                cmd: string[];

                /** TaskExecRequest env. */
                env: string[];

                /** TaskExecRequest workingDir. */
                workingDir: string;

                /** TaskExecRequest user. */
                user: string;

                /** TaskExecRequest tty. */
                tty: boolean;

                /** TaskExecRequest stdin. */
                stdin: boolean;

                /** TaskExecRequest size. */
                size?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                /**
                 * Encodes the specified TaskExecRequest message. Does not implicitly {@link berth.cluster.v1.TaskExecRequest.verify|verify} messages.
                 * @param message TaskExecRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.TaskExecRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TaskExecRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.TaskExecRequest & berth.cluster.v1.TaskExecRequest.$Shape} TaskExecRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.TaskExecRequest & berth.cluster.v1.TaskExecRequest.$Shape;
            }

            namespace TaskExecRequest {

                /** Properties of a TaskExecRequest. */
                interface $Properties {

                    /** TaskExecRequest execId */
                    execId?: (string|null);

                    /** TaskExecRequest taskId */
                    taskId?: (string|null);

                    /** TaskExecRequest cmd */
                    cmd?: (string[]|null);

                    /** TaskExecRequest env */
                    env?: (string[]|null);

                    /** TaskExecRequest workingDir */
                    workingDir?: (string|null);

                    /** TaskExecRequest user */
                    user?: (string|null);

                    /** TaskExecRequest tty */
                    tty?: (boolean|null);

                    /** TaskExecRequest stdin */
                    stdin?: (boolean|null);

                    /** TaskExecRequest size */
                    size?: (berth.cluster.v1.ExecTerminalSize.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TaskExecRequest. */
                type $Shape = berth.cluster.v1.TaskExecRequest.$Properties;
            }

            /**
             * Properties of a TaskExecOutput.
             * @deprecated Use berth.cluster.v1.TaskExecOutput.$Properties instead.
             */
            interface ITaskExecOutput extends berth.cluster.v1.TaskExecOutput.$Properties {
            }

            /** Represents a TaskExecOutput. */
            class TaskExecOutput {

                /**
                 * Constructs a new TaskExecOutput.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.TaskExecOutput.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TaskExecOutput execId. */
                execId?: (string|null);

                /** TaskExecOutput stdout. */
                stdout?: (Uint8Array|null);

                /** TaskExecOutput stderr. */
                stderr?: (Uint8Array|null);

                /** TaskExecOutput exit. */
                exit?: (berth.cluster.v1.ExecExit.$Properties|null);

                /** TaskExecOutput output. */
                output?: ("execId"|"stdout"|"stderr"|"exit");

                /**
                 * Encodes the specified TaskExecOutput message. Does not implicitly {@link berth.cluster.v1.TaskExecOutput.verify|verify} messages.
                 * @param message TaskExecOutput message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.TaskExecOutput.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TaskExecOutput message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.TaskExecOutput & berth.cluster.v1.TaskExecOutput.$Shape} TaskExecOutput
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.TaskExecOutput & berth.cluster.v1.TaskExecOutput.$Shape;
            }

            namespace TaskExecOutput {

                /** Properties of a TaskExecOutput. */
                interface $Properties {

                    /** TaskExecOutput execId */
                    execId?: (string|null);

                    /** TaskExecOutput stdout */
                    stdout?: (Uint8Array|null);

                    /** TaskExecOutput stderr */
                    stderr?: (Uint8Array|null);

                    /** TaskExecOutput exit */
                    exit?: (berth.cluster.v1.ExecExit.$Properties|null);

                    /** TaskExecOutput output */
                    output?: ("execId"|"stdout"|"stderr"|"exit");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a TaskExecOutput. */
                type $Shape = {
                  execId?: string|null;
                  stdout?: Uint8Array|null;
                  stderr?: Uint8Array|null;
                  exit?: berth.cluster.v1.ExecExit.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ output?: undefined; execId?: null; stdout?: null; stderr?: null; exit?: null }|{ output?: "execId"; execId: string; stdout?: null; stderr?: null; exit?: null }|{ output?: "stdout"; execId?: null; stdout: Uint8Array; stderr?: null; exit?: null }|{ output?: "stderr"; execId?: null; stdout?: null; stderr: Uint8Array; exit?: null }|{ output?: "exit"; execId?: null; stdout?: null; stderr?: null; exit: berth.cluster.v1.ExecExit.$Shape })
                );
            }

            /**
             * Properties of a DeployStackRequest.
             * @deprecated Use berth.cluster.v1.DeployStackRequest.$Properties instead.
             */
            interface IDeployStackRequest extends berth.cluster.v1.DeployStackRequest.$Properties {
            }

            /** Represents a DeployStackRequest. */
            class DeployStackRequest {

                /**
                 * Constructs a new DeployStackRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: berth.cluster.v1.DeployStackRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DeployStackRequest name. */
                name: string;

                /** DeployStackRequest servicesJson. */
                servicesJson: string[];

                /** DeployStackRequest networksJson. */
                networksJson: string[];

                /** DeployStackRequest prune. */
                prune: boolean;

                /** DeployStackRequest dryRun. */
                dryRun: boolean;

                /** DeployStackRequest filesJson. */
                filesJson: string[];

                /**
                 * Encodes the specified DeployStackRequest message. Does not implicitly {@link berth.cluster.v1.DeployStackRequest.verify|verify} messages.
                 * @param message DeployStackRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: berth.cluster.v1.DeployStackRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DeployStackRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {berth.cluster.v1.DeployStackRequest & berth.cluster.v1.DeployStackRequest.$Shape} DeployStackRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): berth.cluster.v1.DeployStackRequest & berth.cluster.v1.DeployStackRequest.$Shape;
            }

            namespace DeployStackRequest {

                /** Properties of a DeployStackRequest. */
                interface $Properties {

                    /** DeployStackRequest name */
                    name?: (string|null);

                    /** DeployStackRequest servicesJson */
                    servicesJson?: (string[]|null);

                    /** DeployStackRequest networksJson */
                    networksJson?: (string[]|null);

                    /** DeployStackRequest prune */
                    prune?: (boolean|null);

                    /** DeployStackRequest dryRun */
                    dryRun?: (boolean|null);

                    /** DeployStackRequest filesJson */
                    filesJson?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DeployStackRequest. */
                type $Shape = berth.cluster.v1.DeployStackRequest.$Properties;
            }
        }
    }
}
