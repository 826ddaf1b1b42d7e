// 机构树: the units in the user's scope, collapsed; children are rendered only once expanded.
import { useState } from 'react';
import { Box, Card, CardContent, IconButton, List, ListItem, ListItemText, Typography } from '@mui/material';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useQuery } from '@tanstack/react-query';
import { Link, Loading, Title, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import type { ErpDataProvider, OrgTreeNode } from '../../dataProvider';

const INDENT = 2.5;

const OrgTreeItem = ({ node, depth }: { node: OrgTreeNode; depth: number }) => {
  const [expanded, setExpanded] = useState(false);
  const translate = useTranslate();
  const createPath = useCreatePath();
  const label = `${node.name} (${node.code})`;
  return (
    <>
      <ListItem data-testid={`tree-node-${node.code}`} dense disableGutters sx={{ pl: depth * INDENT }}>
        {node.children.length > 0 ? (
          <IconButton
            size="small"
            data-testid={`tree-toggle-${node.code}`}
            aria-expanded={expanded}
            aria-label={translate(expanded ? 'org_tree.collapse' : 'org_tree.expand', { name: node.name })}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? <ExpandMoreIcon /> : <ChevronRightIcon />}
          </IconButton>
        ) : (
          <Box sx={{ width: 34, flexShrink: 0 }} />
        )}
        <ListItemText
          primary={<Link to={createPath({ resource: 'org-units', id: node.id, type: 'show' })}>{label}</Link>}
          secondary={translate(`enums.unit_kind.${node.kind}`)}
        />
      </ListItem>
      {expanded && (
        <List disablePadding>
          {node.children.map((child) => (
            <OrgTreeItem key={child.id} node={child} depth={depth + 1} />
          ))}
        </List>
      )}
    </>
  );
};

export const OrgTree = () => {
  const dataProvider = useDataProvider<ErpDataProvider>();
  const translate = useTranslate();
  const { data, isPending } = useQuery({ queryKey: ['org-units', 'tree'], queryFn: () => dataProvider.getOrgTree() });
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="org_tree.title" />
      <CardContent>
        {isPending ? (
          <Loading />
        ) : data?.length ? (
          <List disablePadding>
            {data.map((root) => (
              <OrgTreeItem key={root.id} node={root} depth={0} />
            ))}
          </List>
        ) : (
          <Typography color="text.secondary">{translate('org_tree.empty')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
