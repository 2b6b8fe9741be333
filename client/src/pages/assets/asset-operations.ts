import { gql, type TypedDocumentNode } from '@apollo/client';
import { useMutation } from '@apollo/client/react';

export type AssetType = 'INFORMATION' | 'SOFTWARE' | 'HARDWARE' | 'SERVICE' | 'PEOPLE' | 'SITE';

export interface AssetRow {
  __typename?: 'Asset';
  id: string;
  version: number;
  name: string;
  type: AssetType;
  description: string;
  location: string;
  confidentiality: number;
  integrity: number;
  availability: number;
  criticality: number;
  reviewDate: string | null;
  updatedAt: string;
  viewerCanEdit: boolean;
  owner: { __typename?: 'User'; id: string; name: string } | null;
}

export const ASSET_FRAGMENT = gql`
  fragment AssetRow on Asset {
    id
    version
    name
    type
    description
    location
    confidentiality
    integrity
    availability
    criticality
    reviewDate
    updatedAt
    viewerCanEdit
    owner {
      id
      name
    }
  }
`;

export interface AssetFilterInput {
  type?: AssetType[];
  ownerId?: string;
  search?: string;
}

export interface AssetConnectionData {
  __typename?: 'AssetConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; endCursor: string | null; hasNextPage: boolean };
  edges: { __typename?: 'AssetEdge'; cursor: string; node: AssetRow }[];
}

export const ASSETS_PAGE_SIZE = 50;

export const ASSET_INVENTORY_QUERY: TypedDocumentNode<
  { organization: { __typename?: 'Organization'; id: string; assets: AssetConnectionData | null } | null },
  { id: string; first: number; after?: string | null; filter: AssetFilterInput }
> = gql`
  query AssetInventory($id: ID!, $first: Int!, $after: String, $filter: AssetFilter) {
    organization(id: $id) {
      id
      assets(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            ...AssetRow
          }
        }
      }
    }
  }
  ${ASSET_FRAGMENT}
`;

export const ASSET_PANEL_QUERY: TypedDocumentNode<{ node: (AssetRow & { __typename: 'Asset' }) | { __typename: string; id: string } | null }, { id: string }> = gql`
  query AssetPanel($id: ID!) {
    node(id: $id) {
      id
      ... on Asset {
        ...AssetRow
      }
    }
  }
  ${ASSET_FRAGMENT}
`;

export function isAssetNode(node: { __typename: string; id: string } | null | undefined): node is AssetRow & { __typename: 'Asset' } {
  return !!node && node.__typename === 'Asset' && 'name' in node;
}

export interface AssetFieldsInput {
  name?: string;
  type?: AssetType;
  ownerId?: string | null;
  confidentiality?: number;
  integrity?: number;
  availability?: number;
  description?: string;
  location?: string;
  reviewDate?: string | null;
}

const CREATE_ASSET: TypedDocumentNode<{ createAsset: { asset: AssetRow } }, { input: AssetFieldsInput & { organizationId: string } }> = gql`
  mutation CreateAsset($input: CreateAssetInput!) {
    createAsset(input: $input) {
      asset {
        ...AssetRow
      }
    }
  }
  ${ASSET_FRAGMENT}
`;

export function useCreateAsset() {
  return useMutation(CREATE_ASSET);
}

const UPDATE_ASSET: TypedDocumentNode<{ updateAsset: { asset: AssetRow } }, { input: AssetFieldsInput & { id: string; version: number } }> = gql`
  mutation UpdateAsset($input: UpdateAssetInput!) {
    updateAsset(input: $input) {
      asset {
        ...AssetRow
      }
    }
  }
  ${ASSET_FRAGMENT}
`;

export function useUpdateAsset() {
  return useMutation(UPDATE_ASSET);
}

const DELETE_ASSET: TypedDocumentNode<{ deleteAsset: { deletedAssetId: string } }, { input: { id: string } }> = gql`
  mutation DeleteAsset($input: DeleteAssetInput!) {
    deleteAsset(input: $input) {
      deletedAssetId
    }
  }
`;

export function useDeleteAsset() {
  return useMutation(DELETE_ASSET, {
    update(cache, { data }) {
      const id = data?.deleteAsset.deletedAssetId;
      if (!id) return;
      cache.evict({ id: cache.identify({ __typename: 'Asset', id }) });
      cache.gc();
    },
  });
}

export interface ImportProblem {
  __typename?: 'ImportProblem';
  row: number;
  field: string;
  message: string;
}

const IMPORT_ASSETS: TypedDocumentNode<{ importAssets: { importedCount: number; problems: ImportProblem[] } }, { input: { organizationId: string; csv: string } }> = gql`
  mutation ImportAssets($input: ImportAssetsInput!) {
    importAssets(input: $input) {
      importedCount
      problems {
        row
        field
        message
      }
    }
  }
`;

export function useImportAssets() {
  return useMutation(IMPORT_ASSETS);
}

export function assetsExportHref(organizationId: string): string {
  return `/exports/organizations/${encodeURIComponent(organizationId)}/assets.csv`;
}
